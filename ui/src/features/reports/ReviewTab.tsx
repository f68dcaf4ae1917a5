import { SimpleGrid, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ReviewPeriodReport } from "../../backend/bindings/ReviewPeriodReport";
import { ChecklistTable } from "./ChecklistTable";
import { CostTable } from "./CostTable";
import { ExportButtons } from "./ExportButtons";
import { checklistTable, costTable, groupTable, paretoTable, timelinessTable } from "./exports";
import { FailureGroupTable } from "./FailureGroupTable";
import { ParetoChart } from "./ParetoChart";
import { ParetoTable } from "./ParetoTable";
import type { Period } from "./period";
import { QueryView } from "./QueryView";
import { ReportSection } from "./ReportSection";
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
      <ReportSection
        title={t("reports.pareto.title")}
        note={t("reports.pareto.note")}
        testId="review-pareto"
        actions={
          <ExportButtons
            name={`pareto_${suffix}`}
            sheet={t("reports.pareto.title")}
            build={() => paretoTable(t, report)}
            testId="export-pareto"
          />
        }
      >
        <ParetoChart pareto={pareto} onOpen={(bar) => openFailures(bar.filter)} />
        {pareto.bars.length > 0 && (
          <ParetoTable pareto={pareto} onOpen={(bar) => openFailures(bar.filter)} />
        )}
      </ReportSection>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <ReportSection
          title={t("reports.by_vendor")}
          testId="review-by-vendor"
          actions={
            <ExportButtons
              name={`failures_by_vendor_${suffix}`}
              sheet={t("reports.by_vendor")}
              build={() => groupTable(t, report.by_vendor)}
              testId="export-by-vendor"
            />
          }
        >
          <FailureGroupTable
            groups={report.by_vendor}
            total={report.vendors_with_failures}
            codeLabel={t("reports.col.vendor")}
            testId="review-vendor-row"
          />
        </ReportSection>
        <ReportSection
          title={t("reports.by_sku")}
          testId="review-by-sku"
          actions={
            <ExportButtons
              name={`failures_by_sku_${suffix}`}
              sheet={t("reports.by_sku")}
              build={() => groupTable(t, report.by_sku)}
              testId="export-by-sku"
            />
          }
        >
          <FailureGroupTable
            groups={report.by_sku}
            total={report.skus_with_failures}
            codeLabel={t("reports.col.sku")}
            testId="review-sku-row"
          />
        </ReportSection>
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <ReportSection
          title={t("reports.cost.title")}
          note={t("reports.cost.note")}
          testId="review-cost"
          actions={
            <ExportButtons
              name={`cost_of_quality_${suffix}`}
              sheet={t("reports.cost.title")}
              build={() => costTable(t, report)}
              testId="export-cost"
            />
          }
        >
          <CostTable
            cost={report.cost_of_quality}
            period={report.period}
            reworkFailures={report.rework_failures}
          />
        </ReportSection>
        <ReportSection
          title={t("reports.timeliness.title")}
          note={t("reports.timeliness.note")}
          testId="review-timeliness"
          actions={
            <ExportButtons
              name={`reshipment_timeliness_${suffix}`}
              sheet={t("reports.timeliness.title")}
              build={() => timelinessTable(t, report, i18n.language)}
              testId="export-timeliness"
            />
          }
        >
          <TimelinessTable
            current={report.timeliness}
            previous={report.timeliness_previous}
            period={report.period}
          />
        </ReportSection>
      </SimpleGrid>
      <ReportSection
        title={t("reports.checklist.title")}
        testId="review-checklist"
        actions={
          <ExportButtons
            name={`checklist_added_${suffix}`}
            sheet={t("reports.checklist.title")}
            build={() => checklistTable(t, report)}
            testId="export-checklist"
          />
        }
      >
        <ChecklistTable items={report.checklist_items} />
      </ReportSection>
      <SkuFlagsSection period={period} />
    </Stack>
  );
}
