import { Group, Stack } from "@mantine/core";
import {
  IconBuildingFactory2,
  IconCalendarWeek,
  IconChartBar,
  IconGauge,
  IconPackages,
} from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { PageTabs } from "../../components/PageTabs";
import { PageHeader } from "../../components/page/PageHeader";
import { pageTab, type Tabbed } from "../../components/pageTab";
import { KpisTab } from "./KpisTab";
import { PeriodPicker } from "./PeriodPicker";
import type { Period } from "./period";
import { ReviewTab } from "./ReviewTab";
import { StockTab } from "./StockTab";
import type { ReportsTab } from "./search";
import { VendorsTab } from "./VendorsTab";
import { WeeklyReviewsTab } from "./WeeklyReviewsTab";

/** Reviews, the returns KPIs, vendor scorecards and safety stock, for one period. */
export function ReportsPage({
  tab,
  period,
  onTab,
  onPeriod,
}: Tabbed<ReportsTab> & { period: Period; onPeriod: (period: Period) => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <PageHeader title={t("reports.title")} subtitle={t("reports.subtitle")} />
        <PeriodPicker period={period} onChange={onPeriod} />
      </Group>
      <PageTabs
        value={tab}
        onChange={onTab}
        tabs={[
          pageTab(t, "reports", "review", IconChartBar, <ReviewTab period={period} />),
          pageTab(t, "reports", "kpis", IconGauge, <KpisTab period={period} />),
          pageTab(t, "reports", "vendors", IconBuildingFactory2, <VendorsTab period={period} />),
          pageTab(t, "reports", "stock", IconPackages, <StockTab />),
          pageTab(
            t,
            "reports",
            "weekly",
            IconCalendarWeek,
            <WeeklyReviewsTab />,
            t("weekly_reviews.tab"),
          ),
        ]}
      />
    </Stack>
  );
}
