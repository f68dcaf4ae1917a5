import { Anchor, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { TraceOrder } from "../../../backend/bindings/TraceOrder";
import { HeadedTable } from "../../../components/HeadedTable";
import { Note } from "../../../components/Note";
import { headings } from "../../../components/TableHead";
import { numberFormat } from "../../../intl";

/** The orders that received traced lots. */
export function OrdersTable({ orders }: { orders: TraceOrder[] }) {
  const { t, i18n } = useTranslation();
  const number = numberFormat(i18n.language, { maximumFractionDigits: 3 });
  if (orders.length === 0) return <Note>{t("lots.order.none")}</Note>;
  return (
    <Table.ScrollContainer minWidth={500} maxHeight={360}>
      <HeadedTable
        tableProps={{ stickyHeader: true }}
        columns={headings(t, [
          "lots.order.order_no",
          "lots.order.customer",
          "lots.order.lots",
          { right: "lots.field.qty" },
        ])}
        items={orders}
        row={(o) => (
          <Table.Tr key={o.order_no} data-testid="trace-order" data-order={o.order_no}>
            <Table.Td>
              <Anchor size="sm" href={`#/orders?text=${encodeURIComponent(o.order_no)}`}>
                {o.order_no}
              </Anchor>
            </Table.Td>
            <Table.Td>{o.customer_code}</Table.Td>
            <Table.Td>
              <Text size="sm" truncate maw={260} title={o.lots.join(", ")}>
                {o.lots.join(", ")}
              </Text>
            </Table.Td>
            <Table.Td ta="right">{number.format(o.qty)}</Table.Td>
          </Table.Tr>
        )}
      />
    </Table.ScrollContainer>
  );
}
