import { Table } from "@mantine/core";
import type { TraceCustomer } from "../../../backend/bindings/TraceCustomer";
import { NameWithCode } from "../../../components/Aside";
import { EmailLink } from "../../../components/EmailLink";
import { fieldHeadings } from "../../../components/TableHead";
import type { Traced } from "./TracedTable";

/** The customers who received traced stock: whom to contact. */
export const CUSTOMERS: Traced<TraceCustomer> = {
  none: (t) => t("lots.customer.none"),
  minWidth: 600,
  columns: (t) =>
    fieldHeadings(t, "lots.customer", [
      "name",
      "email",
      "phone",
      { right: "orders" },
      { right: "qty" },
    ]),
  row: (c, number) => (
    <Table.Tr key={c.customer_code} data-testid="customer-row" data-customer={c.customer_code}>
      <Table.Td>
        <NameWithCode name={c.name} code={c.customer_code} />
      </Table.Td>
      <Table.Td>
        <EmailLink email={c.email} />
      </Table.Td>
      <Table.Td>{c.phone}</Table.Td>
      <Table.Td ta="right">{number.format(c.orders)}</Table.Td>
      <Table.Td ta="right">{number.format(c.qty)}</Table.Td>
    </Table.Tr>
  ),
};
