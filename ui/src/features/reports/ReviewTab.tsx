import { SimpleGrid, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ReviewPeriodReport } from "../../backend/bindings/ReviewPeriodReport";
import { ChecklistTable } from "./ChecklistTable";
import { CostTable } from "./CostTable";
import { checklistTable, costTable, paretoTable, timelinessTable } from "./exports";
import { ParetoChart } from "./ParetoChart";
import { ParetoTable } from "./ParetoTable";
import type { Period } from "./period";
import { QueryView } from "./QueryView";
import { FailureGroupSection, ReviewSection } from "./ReviewSections";
import { SkuFlagsSection } from "./SkuFlagsSection";
import { StatCard as Stat } from "./StatCard";
import { TimelinessTable } from "./TimelinessTable";
import { formatChange } from "./units";
import { useOpenFailures } from "./useOpenFailures";
import { usePeriodReport } from "./usePeriodReport";

/** The weekly / monthly review against the previous period of the same length. */
export function ReviewTab({ period }: { period: Period }) {
  const review = usePeriodReport("review_period", period);
  return (
    <QueryView query={review}>
      {(report) => <ReviewBody report={report} period={period} />}
    </QueryView>
  );
}

function ReviewBody({ report, period }: { report: ReviewPeriodReport; period: Period }) {
  const { t, i18n } = useTranslation();
  const openFailures = useOpenFailures();
  const suffix = `${period.from}_${period.to}`;
  const pareto = report.pareto;
  return (
    <Stack gap="md">
      <Text c="dimmed" size="xs" data-testid="review-previous-period">
        {t("reports.compared_with", {
          from: report.previous_period.from,
          to: report.previous_period.to,
        })}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Stat
          label={t("reports.stat.failures")}
          value={String(pareto.total_count)}
          change={formatChange(pareto.count_change, i18n.language)}
          testId="stat-failures"
        />
        <Stat
          label={t("reports.stat.rework")}
          value={String(report.rework_failures)}
          change={t("reports.stat.previous", { value: report.rework_failures_previous })}
          testId="stat-rework"
        />
        <Stat
          label={t("reports.stat.checklist")}
          value={String(report.checklist_added)}
          change={formatChange(report.checklist_change, i18n.language)}
          testId="stat-checklist"
        />
      </SimpleGrid>
      <ReviewSection id="pareto" suffix={suffix} build={() => paretoTable(t, report)}>
        <ParetoChart pareto={pareto} onOpen={(bar) => openFailures(bar.filter)} />
        {pareto.bars.length > 0 && (
          <ParetoTable pareto={pareto} onOpen={(bar) => openFailures(bar.filter)} />
        )}
      </ReviewSection>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <FailureGroupSection
          by="vendor"
          groups={report.by_vendor}
          total={report.vendors_with_failures}
          suffix={suffix}
        />
        <FailureGroupSection
          by="sku"
          groups={report.by_sku}
          total={report.skus_with_failures}
          suffix={suffix}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <ReviewSection id="cost" suffix={suffix} build={() => costTable(t, report)}>
          <CostTable
            cost={report.cost_of_quality}
            period={report.period}
            reworkFailures={report.rework_failures}
          />
        </ReviewSection>
        <ReviewSection
          id="timeliness"
          suffix={suffix}
          build={() => timelinessTable(t, report, i18n.language)}
        >
          <TimelinessTable
            current={report.timeliness}
            previous={report.timeliness_previous}
            period={report.period}
          />
        </ReviewSection>
      </SimpleGrid>
      <ReviewSection id="checklist" suffix={suffix} build={() => checklistTable(t, report)}>
        <ChecklistTable items={report.checklist_items} />
      </ReviewSection>
      <SkuFlagsSection period={period} />
    </Stack>
  );
}
