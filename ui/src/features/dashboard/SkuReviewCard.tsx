import { Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Period } from "../reports/period";
import { formatBps } from "../reports/units";
import { usePeriodReport } from "../reports/usePeriodReport";
import { CardTable } from "./CardTable";
import { DashboardCard } from "./DashboardCard";
import { ProductLink, ReportsLink } from "./links";
import { RECENT_DAYS } from "./periods";

/** A glance, not the report: the full list and its export stay on the reports page. */
const SHOWN = 10;

/** SKUs whose conformity problems pass the 2% of their orders. */
export function SkuReviewCard({ period }: { period: Period }) {
  const { t, i18n } = useTranslation();
  const flags = usePeriodReport("sku_flags", period);
  return (
    <DashboardCard
      title={t("dashboard.skus.title")}
      note={t("dashboard.skus.note", {
        threshold: formatBps(flags.data?.threshold_bps ?? 200, i18n.language),
        days: RECENT_DAYS,
      })}
      query={flags}
      testId="dashboard-sku-flags"
    >
      {(data) => {
        const review = data.skus.filter((s) => s.flag === "review");
        if (review.length === 0) {
          return (
            <Text c="teal.7" size="sm" data-testid="dashboard-skus-empty">
              {t("dashboard.skus.empty")}
            </Text>
          );
        }
        return (
          <>
            <CardTable
              columns={[
                "dashboard.col.sku",
                { right: "dashboard.skus.problems" },
                { right: "dashboard.skus.rate" },
              ]}
              items={review.slice(0, SHOWN)}
              row={(s) => (
                <Table.Tr key={s.sku} data-testid="dashboard-sku-row" data-sku={s.sku}>
                  <Table.Td>
                    <ProductLink sku={s.sku} />
                  </Table.Td>
                  <Table.Td ta="right">
                    {t("dashboard.skus.of_orders", { problems: s.problems, orders: s.orders })}
                  </Table.Td>
                  <Table.Td ta="right" fw={600} c="red.7">
                    {formatBps(s.rate_bps, i18n.language)}
                  </Table.Td>
                </Table.Tr>
              )}
            />
            {/* The reply lists at most a few hundred SKUs; the count is of all those to review. */}
            <ReportsLink tab="review" period={period} testId="dashboard-skus-all">
              {t("dashboard.skus.show_all", { count: data.flagged_skus })}
            </ReportsLink>
          </>
        );
      }}
    </DashboardCard>
  );
}
