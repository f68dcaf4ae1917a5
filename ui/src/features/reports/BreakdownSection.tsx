import { Paper, SimpleGrid, Stack, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { KpiBreakdown } from "../../backend/bindings/KpiBreakdown";
import { call } from "../../backend/call";
import { Note } from "../../components/Note";
import { AgingChart } from "./AgingChart";
import { BreakdownSelect } from "./BreakdownSelect";
import { groupName } from "./breakdown";
import { KpiTableView } from "./KpiTableView";
import type { Period } from "./period";
import { QueryView } from "./QueryView";
import { ReasonsTable } from "./ReasonsTable";
import { ReportSection } from "./ReportSection";

/** The return reasons of the period and, broken down by channel, category or reason, the KPI
 * table, RMA aging and reasons per group. The totals above stay `kpi_table`'s. */
export function BreakdownSection({ period }: { period: Period }) {
  const { t } = useTranslation();
  const [breakdown, setBreakdown] = useState<KpiBreakdown | null>(null);
  const query = useQuery({
    queryKey: ["returns_breakdown", period, breakdown],
    queryFn: () => call("returns_breakdown", { ...period, breakdown }),
  });
  return (
    <Stack gap="md">
      <ReportSection
        title={t("reports.reasons.title")}
        note={t("reports.reasons.note")}
        testId="reasons-section"
        actions={<BreakdownSelect value={breakdown} onChange={setBreakdown} />}
      >
        <QueryView query={query}>
          {(data) => <ReasonsTable reasons={data.reasons} testId="reasons-total" />}
        </QueryView>
      </ReportSection>
      {breakdown && (
        <QueryView query={query}>
          {(data) => (
            <ReportSection
              title={t("reports.breakdown.title", { by: t(`reports.breakdown.${breakdown}`) })}
              note={t("reports.breakdown.note")}
              testId="breakdown-section"
            >
              {data.groups.length === 0 ? (
                <Note>{t("reports.breakdown.empty")}</Note>
              ) : (
                <Stack gap="lg">
                  {data.groups.map((g) => (
                    <Paper
                      key={g.key ?? ""}
                      withBorder
                      p="sm"
                      radius="md"
                      data-testid="breakdown-group"
                      data-key={g.key ?? ""}
                    >
                      <Title order={5} mb="xs">
                        {groupName(t, breakdown, g.key)}
                      </Title>
                      <KpiTableView table={g.table} />
                      <SimpleGrid cols={{ base: 1, md: 2 }} mt="sm">
                        <AgingChart aging={g.table.aging} />
                        <ReasonsTable reasons={g.reasons} testId="breakdown-reasons" />
                      </SimpleGrid>
                    </Paper>
                  ))}
                </Stack>
              )}
            </ReportSection>
          )}
        </QueryView>
      )}
    </Stack>
  );
}
