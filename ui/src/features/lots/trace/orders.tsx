import { Anchor, Table, Text } from "@mantine/core";
import type { TraceOrder } from "../../../backend/bindings/TraceOrder";
import { headings } from "../../../components/TableHead";
import type { Traced } from "./TracedTable";

/** The orders that received traced lots. */
export const ORDERS: Traced<TraceOrder> = {
  none: (t) => t("lots.order.none"),
  minWidth: 500,
  columns: (t) =>
    headings(t, [
      "lots.order.order_no",
      "lots.order.customer",
      "lots.order.lots",
      { right: "lots.field.qty" },
    ]),
  row: (o, number) => (
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
  ),
};
