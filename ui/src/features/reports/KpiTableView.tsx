import { Table } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { KpiTable } from "../../backend/bindings/KpiTable";
import { KpiRowView } from "./KpiRowView";

export function KpiTableView({ table }: { table: KpiTable }) {
  const { t } = useTranslation();
  return (
    <Table withTableBorder verticalSpacing="xs" fz="sm" data-testid="kpi-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t("reports.kpi.name")}</Table.Th>
          <Table.Th ta="right">{t("reports.kpi.value")}</Table.Th>
          <Table.Th ta="right">{t("reports.kpi.target")}</Table.Th>
          <Table.Th ta="right">{t("reports.col.previous")}</Table.Th>
          <Table.Th ta="center">{t("reports.kpi.trend")}</Table.Th>
          <Table.Th ta="right">{t("reports.kpi.sample")}</Table.Th>
          <Table.Th>{t("reports.kpi.state")}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {table.rows.map((row) => (
          <KpiRowView key={row.id} row={row} />
        ))}
      </Table.Tbody>
    </Table>
  );
}
