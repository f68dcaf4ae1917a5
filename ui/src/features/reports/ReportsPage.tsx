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
}: {
  tab: ReportsTab;
  period: Period;
  onTab: (tab: ReportsTab) => void;
  onPeriod: (period: Period) => void;
}) {
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
          {
            value: "review",
            label: t("reports.tab.review"),
            icon: <IconChartBar size={14} />,
            testId: "reports-tab-review",
            panel: <ReviewTab period={period} />,
          },
          {
            value: "kpis",
            label: t("reports.tab.kpis"),
            icon: <IconGauge size={14} />,
            testId: "reports-tab-kpis",
            panel: <KpisTab period={period} />,
          },
          {
            value: "vendors",
            label: t("reports.tab.vendors"),
            icon: <IconBuildingFactory2 size={14} />,
            testId: "reports-tab-vendors",
            panel: <VendorsTab period={period} />,
          },
          {
            value: "stock",
            label: t("reports.tab.stock"),
            icon: <IconPackages size={14} />,
            testId: "reports-tab-stock",
            panel: <StockTab />,
          },
          {
            value: "weekly",
            label: t("weekly_reviews.tab"),
            icon: <IconCalendarWeek size={14} />,
            testId: "reports-tab-weekly",
            panel: <WeeklyReviewsTab />,
          },
        ]}
      />
    </Stack>
  );
}
