import { ActionIcon, Badge, Table, Text, Tooltip } from "@mantine/core";
import { IconEdit } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { SafetyStockRow } from "../../backend/bindings/SafetyStockRow";
import { HeldStockCells, ReorderCell, SafetySkuCell } from "./SafetyStockCells";

/** One watched SKU's stock against its levels; an administrator edits the levels from it. */
export function StockRow({
  row,
  admin,
  onEdit,
}: {
  row: SafetyStockRow;
  admin: boolean;
  onEdit: (levels: { sku: string; min_qty: number | null; max_qty?: number | null }) => void;
}) {
  const { t } = useTranslation();
  return (
    <Table.Tr data-testid="safety-row" data-sku={row.sku} data-below={row.below_minimum}>
      <SafetySkuCell row={row}>
        <Text span size="sm" fw={600}>
          {row.sku}
        </Text>
      </SafetySkuCell>
      <Table.Td ta="right" fw={600}>
        {row.sellable}
      </Table.Td>
      <HeldStockCells row={row} />
      <Table.Td ta="right" data-testid="safety-coming-back">
        {row.coming_back}
      </Table.Td>
      <Table.Td ta="right">{row.min_qty}</Table.Td>
      <Table.Td ta="right">{row.max_qty ?? ""}</Table.Td>
      <Table.Td>
        {row.below_minimum && (
          <Badge color="red" size="sm" data-testid="safety-below">
            {t("reports.stock.below")}
          </Badge>
        )}
      </Table.Td>
      <ReorderCell row={row} testId="safety-reorder" />
      {admin && (
        <Table.Td w={40}>
          <Tooltip label={t("reports.stock.set")}>
            <ActionIcon
              variant="subtle"
              size="sm"
              aria-label={t("reports.stock.set")}
              onClick={() => onEdit({ sku: row.sku, min_qty: row.min_qty, max_qty: row.max_qty })}
            >
              <IconEdit size={14} />
            </ActionIcon>
          </Tooltip>
        </Table.Td>
      )}
    </Table.Tr>
  );
}
