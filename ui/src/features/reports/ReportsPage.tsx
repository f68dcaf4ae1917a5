import { Group, Stack, Tabs, Text, Title } from "@mantine/core";
import { IconBuildingFactory2, IconChartBar, IconGauge, IconPackages } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { KpisTab } from "./KpisTab";
import { PeriodPicker } from "./PeriodPicker";
import type { Period } from "./period";
import { ReviewTab } from "./ReviewTab";
import { StockTab } from "./StockTab";
import type { ReportsTab } from "./search";
import { VendorsTab } from "./VendorsTab";

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
        <div>
          <Title order={2} data-testid="page-title">
            {t("reports.title")}
          </Title>
          <Text c="dimmed" size="sm">
            {t("reports.subtitle")}
          </Text>
        </div>
        <PeriodPicker period={period} onChange={onPeriod} />
      </Group>
      <Tabs
        value={tab}
        onChange={(v) => onTab(v === "kpis" || v === "vendors" || v === "stock" ? v : "review")}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          <Tabs.Tab
            value="review"
            leftSection={<IconChartBar size={14} />}
            data-testid="reports-tab-review"
          >
            {t("reports.tab.review")}
          </Tabs.Tab>
          <Tabs.Tab
            value="kpis"
            leftSection={<IconGauge size={14} />}
            data-testid="reports-tab-kpis"
          >
            {t("reports.tab.kpis")}
          </Tabs.Tab>
          <Tabs.Tab
            value="vendors"
            leftSection={<IconBuildingFactory2 size={14} />}
            data-testid="reports-tab-vendors"
          >
            {t("reports.tab.vendors")}
          </Tabs.Tab>
          <Tabs.Tab
            value="stock"
            leftSection={<IconPackages size={14} />}
            data-testid="reports-tab-stock"
          >
            {t("reports.tab.stock")}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="review">
          <ReviewTab period={period} />
        </Tabs.Panel>
        <Tabs.Panel value="kpis">
          <KpisTab period={period} />
        </Tabs.Panel>
        <Tabs.Panel value="vendors">
          <VendorsTab period={period} />
        </Tabs.Panel>
        <Tabs.Panel value="stock">
          <StockTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
