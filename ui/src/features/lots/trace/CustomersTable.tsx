import { Table } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { TraceCustomer } from "../../../backend/bindings/TraceCustomer";
import { NameWithCode } from "../../../components/Aside";
import { EmailLink } from "../../../components/EmailLink";
import { HeadedTable } from "../../../components/HeadedTable";
import { Note } from "../../../components/Note";
import { fieldHeadings } from "../../../components/TableHead";
import { numberFormat } from "../../../intl";

/** The customers who received traced stock: whom to contact. */
export function CustomersTable({ customers }: { customers: TraceCustomer[] }) {
  const { t, i18n } = useTranslation();
  const number = numberFormat(i18n.language, { maximumFractionDigits: 3 });
  if (customers.length === 0) return <Note>{t("lots.customer.none")}</Note>;
  return (
    <Table.ScrollContainer minWidth={600} maxHeight={360}>
      <HeadedTable
        tableProps={{ stickyHeader: true }}
        columns={fieldHeadings(t, "lots.customer", [
          "name",
          "email",
          "phone",
          { right: "orders" },
          { right: "qty" },
        ])}
        items={customers}
        row={(c) => (
          <Table.Tr
            key={c.customer_code}
            data-testid="customer-row"
            data-customer={c.customer_code}
          >
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
        )}
      />
    </Table.ScrollContainer>
  );
}
