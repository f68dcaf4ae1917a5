import { ActionIcon, Table, TextInput } from "@mantine/core";
import { IconTrash } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { OrderStatusBadge } from "./OrderStatusBadge";
import type { Line, LineField } from "./orderLines";

export type LineMessages = Record<number, Partial<Record<LineField, string>>>;

type Props = {
  lines: Line[];
  errors: LineMessages;
  onChange: (index: number, patch: Partial<Line>) => void;
  onRemove: (index: number) => void;
  /** The saved lines' statuses (open, reshipment pending, ...), by position; absent for a new order. */
  statuses?: string[];
};

/** The editable lines of an order; the line number is the position. */
export function OrderLinesTable({ lines, errors, onChange, onRemove, statuses }: Props) {
  const { t } = useTranslation();
  const cell = (i: number, field: LineField, extra: { inputMode?: "numeric" | "decimal" }) => (
    <TextInput
      size="xs"
      value={lines[i]?.[field] ?? ""}
      onChange={(e) => onChange(i, { [field]: e.currentTarget.value })}
      error={errors[i]?.[field]}
      aria-label={t(`masterdata.field.${field === "price" ? "unit_price" : field}`)}
      data-testid={`order-line-${field}`}
      {...extra}
    />
  );
  return (
    <Table mt="md" withTableBorder fz="sm" verticalSpacing={4}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={40}>#</Table.Th>
          <Table.Th>{t("masterdata.field.sku")}</Table.Th>
          <Table.Th w={100}>{t("masterdata.field.qty")}</Table.Th>
          <Table.Th w={140}>{t("masterdata.field.unit_price")}</Table.Th>
          {statuses && <Table.Th w={150}>{t("masterdata.field.status")}</Table.Th>}
          <Table.Th w={40} />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {lines.map((_, i) => (
          // Lines are numbered by position; that number is their identity here.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <Table.Tr key={i} data-testid="order-line">
            <Table.Td style={{ verticalAlign: "top", paddingTop: 10 }}>{i + 1}</Table.Td>
            <Table.Td style={{ verticalAlign: "top" }}>{cell(i, "sku", {})}</Table.Td>
            <Table.Td style={{ verticalAlign: "top" }}>
              {cell(i, "qty", { inputMode: "numeric" })}
            </Table.Td>
            <Table.Td style={{ verticalAlign: "top" }}>
              {cell(i, "price", { inputMode: "decimal" })}
            </Table.Td>
            {statuses && (
              <Table.Td style={{ verticalAlign: "top", paddingTop: 8 }}>
                {statuses[i] && (
                  <OrderStatusBadge status={statuses[i]} testId="order-line-status" />
                )}
              </Table.Td>
            )}
            <Table.Td style={{ verticalAlign: "top" }}>
              <ActionIcon
                variant="subtle"
                color="red"
                disabled={lines.length === 1}
                onClick={() => onRemove(i)}
                aria-label={t("masterdata.orders.remove_line")}
              >
                <IconTrash size={14} />
              </ActionIcon>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
