import { Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { TraceCustomer } from "../../../backend/bindings/TraceCustomer";
import { EmailLink } from "../../../components/EmailLink";
import { HeadedTable } from "../../../components/HeadedTable";
import { Note } from "../../../components/Note";
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
        columns={[
          t("lots.customer.name"),
          t("lots.customer.email"),
          t("lots.customer.phone"),
          { label: t("lots.customer.orders"), right: true },
          { label: t("lots.customer.qty"), right: true },
        ]}
        items={customers}
        row={(c) => (
          <Table.Tr
            key={c.customer_code}
            data-testid="customer-row"
            data-customer={c.customer_code}
          >
            <Table.Td>
              {c.name ?? c.customer_code}
              {c.name && (
                <Text span size="xs" c="dimmed">
                  {" "}
                  {c.customer_code}
                </Text>
              )}
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
