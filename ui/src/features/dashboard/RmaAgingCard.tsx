import { useTranslation } from "react-i18next";
import { AgingChart } from "../reports/AgingChart";
import type { Period } from "../reports/period";
import { usePeriodReport } from "../reports/usePeriodReport";
import { DashboardCard } from "./DashboardCard";

/** Open RMAs by age: the old ones are the customers waiting longest. */
export function RmaAgingCard({ period }: { period: Period }) {
  const { t } = useTranslation();
  // The aging is "as of now" whatever the period; the KPI table is the act that reports it.
  const table = usePeriodReport("kpi_table", period);
  return (
    <DashboardCard
      title={t("dashboard.aging.title")}
      note={t("dashboard.aging.note")}
      report={{ tab: "kpis", period, testId: "dashboard-kpis-report" }}
      query={table}
      testId="dashboard-rma-aging"
    >
      {(data) => <AgingChart aging={data.aging} />}
    </DashboardCard>
  );
}
