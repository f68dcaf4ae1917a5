import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { call } from "../../backend/call";
import { AgingChart } from "../reports/AgingChart";
import type { Period } from "../reports/period";
import { DashboardCard } from "./DashboardCard";
import { ReportsLink } from "./links";

/** Open RMAs by age: the old ones are the customers waiting longest. */
export function RmaAgingCard({ period }: { period: Period }) {
  const { t } = useTranslation();
  // The aging is "as of now" whatever the period; the KPI table is the act that reports it.
  const table = useQuery({
    queryKey: ["kpi_table", period],
    queryFn: () => call("kpi_table", period),
  });
  return (
    <DashboardCard
      title={t("dashboard.aging.title")}
      note={t("dashboard.aging.note")}
      action={
        <ReportsLink tab="kpis" period={period} testId="dashboard-kpis-report">
          {t("dashboard.open_report")}
        </ReportsLink>
      }
      query={table}
      testId="dashboard-rma-aging"
    >
      {(data) => <AgingChart aging={data.aging} />}
    </DashboardCard>
  );
}
