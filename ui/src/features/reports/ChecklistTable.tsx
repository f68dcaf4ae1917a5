import { Table } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ChecklistAdded } from "../../backend/bindings/ChecklistAdded";
import { FailureLink } from "../../components/RecordLink";
import { formatDateTimeShort } from "../../format";
import { ReportTable } from "./ReportTable";

/** QC checklist items added in the period, each with the failure that prompted it. */
export function ChecklistTable({ items }: { items: ChecklistAdded[] }) {
  const { t, i18n } = useTranslation();
  return (
    <ReportTable
      columns={[
        "reports.checklist.added_at",
        "reports.col.sku",
        "reports.checklist.text",
        "reports.checklist.source",
      ]}
      items={items}
      empty={t("reports.none_in_period")}
      row={(item) => (
        <Table.Tr key={item.id} data-testid="checklist-row">
          <Table.Td>{formatDateTimeShort(item.added_at, i18n.language)}</Table.Td>
          <Table.Td>{item.sku}</Table.Td>
          <Table.Td>{item.text}</Table.Td>
          <Table.Td>
            {item.source_failure_no ? <FailureLink no={item.source_failure_no} /> : "—"}
          </Table.Td>
        </Table.Tr>
      )}
    />
  );
}
