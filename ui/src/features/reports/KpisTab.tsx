import { Grid, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { AgingChart } from "./AgingChart";
import { BreakdownSection } from "./BreakdownSection";
import { EditTargetsButton } from "./EditTargetsButton";
import { ExportedSection } from "./ExportedSection";
import { agingExport, kpiExport } from "./exports";
import { KpiTableView } from "./KpiTableView";
import type { Period } from "./period";
import { QueryView } from "./QueryView";
import { useMayConfigureReviews } from "./useAdmin";
import { usePeriodReport } from "./usePeriodReport";

/** The returns KPI table against its targets, and open RMAs by age. */
export function KpisTab({ period }: { period: Period }) {
  const { t, i18n } = useTranslation();
  const admin = useMayConfigureReviews();
  const table = usePeriodReport("kpi_table", period);
  const suffix = `${period.from}_${period.to}`;
  return (
    <QueryView query={table}>
      {(data) => (
        <Stack gap="md">
          <Text c="dimmed" size="xs">
            {t("reports.compared_with", {
              from: data.previous_period.from,
              to: data.previous_period.to,
            })}
          </Text>
          <Grid>
            <Grid.Col span={{ base: 12, lg: 8 }}>
              <ExportedSection
                title={t("reports.kpi.title")}
                note={t("reports.kpi.note")}
                testId="kpi-section"
                actions={admin && <EditTargetsButton />}
                exportAs={{
                  name: `returns_kpis_${suffix}`,
                  build: () => kpiExport(t, data, i18n.language),
                  testId: "export-kpis",
                }}
              >
                <KpiTableView table={data} />
              </ExportedSection>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 4 }}>
              <ExportedSection
                title={t("reports.aging.title")}
                note={t("reports.aging.note")}
                testId="aging-section"
                exportAs={{
                  name: "rma_aging",
                  build: () => agingExport(t, data),
                  testId: "export-aging",
                }}
              >
                <AgingChart aging={data.aging} />
              </ExportedSection>
            </Grid.Col>
          </Grid>
          <BreakdownSection period={period} />
        </Stack>
      )}
    </QueryView>
  );
}
