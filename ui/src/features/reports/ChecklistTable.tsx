import { Anchor, Table, Text } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { ChecklistAdded } from "../../backend/bindings/ChecklistAdded";
import { TableHead } from "../../components/TableHead";
import { formatDateTimeShort } from "../../format";

/** QC checklist items added in the period, each with the failure that prompted it. */
export function ChecklistTable({ items }: { items: ChecklistAdded[] }) {
  const { t, i18n } = useTranslation();
  if (items.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        {t("reports.none_in_period")}
      </Text>
    );
  }
  return (
    <Table striped withTableBorder fz="sm">
      <TableHead
        columns={[
          t("reports.checklist.added_at"),
          t("reports.col.sku"),
          t("reports.checklist.text"),
          t("reports.checklist.source"),
        ]}
      />
      <Table.Tbody>
        {items.map((item) => (
          <Table.Tr key={item.id} data-testid="checklist-row">
            <Table.Td>{formatDateTimeShort(item.added_at, i18n.language)}</Table.Td>
            <Table.Td>{item.sku}</Table.Td>
            <Table.Td>{item.text}</Table.Td>
            <Table.Td>
              {item.source_failure_no ? (
                <Anchor
                  size="sm"
                  renderRoot={(props) => (
                    <Link
                      {...props}
                      to="/failures/$failureNo"
                      params={{ failureNo: item.source_failure_no ?? "" }}
                    />
                  )}
                >
                  {item.source_failure_no}
                </Anchor>
              ) : (
                "—"
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
