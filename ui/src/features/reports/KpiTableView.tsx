import { useTranslation } from "react-i18next";
import type { KpiTable } from "../../backend/bindings/KpiTable";
import { HeadedTable } from "../../components/HeadedTable";
import { KpiRowView } from "./KpiRowView";

export function KpiTableView({ table }: { table: KpiTable }) {
  const { t } = useTranslation();
  return (
    <HeadedTable
      tableProps={{ withTableBorder: true, verticalSpacing: "xs", fz: "sm" }}
      data-testid="kpi-table"
      columns={[
        t("reports.kpi.name"),
        { label: t("reports.kpi.value"), right: true },
        { label: t("reports.kpi.target"), right: true },
        { label: t("reports.col.previous"), right: true },
        { label: t("reports.kpi.trend"), center: true },
        { label: t("reports.kpi.sample"), right: true },
        t("reports.kpi.state"),
      ]}
      items={table.rows}
      row={(row) => <KpiRowView key={row.id} row={row} />}
    />
  );
}
