import {
  ActionIcon,
  Button,
  Drawer,
  Group,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { OrderInput } from "../../backend/bindings/OrderInput";
import type { OrderView } from "../../backend/bindings/OrderView";
import { call } from "../../backend/call";
import { errorMessage, fieldErrors } from "../../errors/apiError";
import { formatMoney } from "../../format";
import { fromMinor, toMinor } from "./money";

type Line = { sku: string; qty: string; price: string };

const today = () => new Date().toISOString().slice(0, 10);

/** An order header with its lines; amounts are typed as decimals and sent as minor units. */
export function OrderForm({
  order,
  currency,
  onClose,
}: {
  order: OrderView | null;
  currency: string;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [header, setHeader] = useState({
    order_no: order?.order_no ?? "",
    customer_code: order?.customer_code ?? "",
    ordered_at: order?.ordered_at.slice(0, 10) ?? today(),
    currency: order?.currency ?? currency,
  });
  const [lines, setLines] = useState<Line[]>(
    order?.lines.map((l) => ({
      sku: l.sku,
      qty: String(l.qty),
      price: fromMinor(l.unit_price_minor),
    })) ?? [{ sku: "", qty: "1", price: "" }],
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [lineErrors, setLineErrors] = useState<Record<number, string>>({});
  const mutation = useMutation({
    mutationFn: (input: OrderInput) => call("save_order", input),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ["orders"] });
      notifications.show({ color: "teal", message: t("masterdata.saved") });
      onClose();
    },
    onError: (err) => {
      const fields = fieldErrors(t, err);
      setErrors(fields);
      if (Object.keys(fields).length === 0)
        notifications.show({ color: "red", message: errorMessage(t, err) });
    },
  });

  const submit = () => {
    const bad: Record<number, string> = {};
    const parsed = lines.map((l, i) => {
      const qty = Number.parseInt(l.qty, 10);
      const price = toMinor(l.price);
      if (!Number.isInteger(qty) || qty <= 0 || String(qty) !== l.qty.trim())
        bad[i] = t("masterdata.orders.bad_qty");
      else if (price === null) bad[i] = t("masterdata.bad_amount");
      return { line_no: i + 1, sku: l.sku.trim(), qty: qty || 0, unit_price_minor: price ?? 0 };
    });
    setLineErrors(bad);
    if (Object.keys(bad).length > 0) return;
    const day = new Date(`${header.ordered_at}T12:00:00`);
    mutation.mutate({
      order_no: header.order_no.trim(),
      customer_code: header.customer_code.trim(),
      ordered_at: Number.isNaN(day.getTime()) ? header.ordered_at : day.toISOString(),
      currency: header.currency.trim().toUpperCase(),
      lines: parsed,
    });
  };
  const setLine = (i: number, patch: Partial<Line>) =>
    setLines((ls) => ls.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const total = lines.reduce(
    (sum, l) => sum + (toMinor(l.price) ?? 0) * (Number.parseInt(l.qty, 10) || 0),
    0,
  );

  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size="xl"
      title={t(order ? "masterdata.orders.edit" : "masterdata.orders.new")}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <SimpleGrid cols={2} spacing="sm">
          <TextInput
            label={t("masterdata.field.order_no")}
            value={header.order_no}
            onChange={(e) => setHeader({ ...header, order_no: e.currentTarget.value })}
            disabled={order !== null}
            required
            error={errors.order_no}
          />
          <TextInput
            label={t("masterdata.field.customer_code")}
            value={header.customer_code}
            onChange={(e) => setHeader({ ...header, customer_code: e.currentTarget.value })}
            required
            error={errors.customer_code}
          />
          <TextInput
            type="date"
            label={t("masterdata.field.ordered_at")}
            value={header.ordered_at}
            onChange={(e) => setHeader({ ...header, ordered_at: e.currentTarget.value })}
            error={errors.ordered_at}
          />
          <TextInput
            label={t("masterdata.field.currency")}
            value={header.currency}
            onChange={(e) => setHeader({ ...header, currency: e.currentTarget.value })}
            error={errors.currency}
          />
        </SimpleGrid>
        <Table mt="md" withTableBorder fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={40}>#</Table.Th>
              <Table.Th>{t("masterdata.field.sku")}</Table.Th>
              <Table.Th w={90}>{t("masterdata.field.qty")}</Table.Th>
              <Table.Th w={120}>{t("masterdata.field.unit_price")}</Table.Th>
              <Table.Th w={40} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map((l, i) => (
              // Lines are numbered by position; that number is their identity here.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <Table.Tr key={i}>
                <Table.Td>{i + 1}</Table.Td>
                <Table.Td>
                  <TextInput
                    size="xs"
                    value={l.sku}
                    onChange={(e) => setLine(i, { sku: e.currentTarget.value })}
                    error={lineErrors[i]}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    size="xs"
                    value={l.qty}
                    inputMode="numeric"
                    onChange={(e) => setLine(i, { qty: e.currentTarget.value })}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    size="xs"
                    value={l.price}
                    inputMode="decimal"
                    onChange={(e) => setLine(i, { price: e.currentTarget.value })}
                  />
                </Table.Td>
                <Table.Td>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    disabled={lines.length === 1}
                    onClick={() => setLines((ls) => ls.filter((_, j) => j !== i))}
                    aria-label={t("masterdata.orders.remove_line")}
                  >
                    <IconTrash size={14} />
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {errors.lines && (
          <Text c="red" size="xs" mt={4}>
            {errors.lines}
          </Text>
        )}
        <Group justify="space-between" mt="xs">
          <Button
            variant="subtle"
            size="xs"
            leftSection={<IconPlus size={14} />}
            onClick={() => setLines((ls) => [...ls, { sku: "", qty: "1", price: "" }])}
          >
            {t("masterdata.orders.add_line")}
          </Button>
          <Text size="sm" fw={600}>
            {t("masterdata.orders.total")}:{" "}
            {formatMoney(
              total,
              header.currency.length === 3 ? header.currency.toUpperCase() : currency,
              i18n.language,
            )}
          </Text>
        </Group>
        <Stack mt="lg">
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={mutation.isPending} data-testid="orders-save">
              {t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Drawer>
  );
}
