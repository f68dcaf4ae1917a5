import { SimpleGrid, Stack } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../../components/page/PageHeader";
import { FlaggedVendorsCard } from "./FlaggedVendorsCard";
import { OverdueScarsCard } from "./OverdueScarsCard";
import { lastDays, RECENT_DAYS, VENDOR_DAYS } from "./periods";
import { RmaAgingCard } from "./RmaAgingCard";
import { SafetyStockCard } from "./SafetyStockCard";
import { SkuReviewCard } from "./SkuReviewCard";

/** What needs attention today, each card from its own act so one failure hides nothing else. */
export function DashboardPage() {
  const { t } = useTranslation();
  // Fixed when the page opens, so a render past midnight does not refetch every card.
  const [periods] = useState(() => {
    const today = new Date();
    return { vendors: lastDays(VENDOR_DAYS, today), recent: lastDays(RECENT_DAYS, today) };
  });
  return (
    <Stack gap="md">
      <PageHeader title={t("dashboard.title")} subtitle={t("dashboard.subtitle")} />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <SafetyStockCard />
        <FlaggedVendorsCard period={periods.vendors} />
        <SkuReviewCard period={periods.recent} />
        <RmaAgingCard period={periods.recent} />
        <OverdueScarsCard />
      </SimpleGrid>
    </Stack>
  );
}
