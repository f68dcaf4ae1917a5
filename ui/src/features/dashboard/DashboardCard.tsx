import { Alert, Skeleton, Stack } from "@mantine/core";
import type { UseQueryResult } from "@tanstack/react-query";
import type { ComponentProps, ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../errors/apiError";
import { ReportSection } from "../reports/ReportSection";
import { ReportsLink } from "./links";

/** One card of the overview: it loads, fails and shows on its own, so one slow act hides nothing. */
export function DashboardCard<T>({
  title,
  note,
  report,
  query,
  testId,
  children,
}: {
  title: string;
  note?: string;
  /** The report the card glances at, opened from its corner. */
  report?: Omit<ComponentProps<typeof ReportsLink>, "children">;
  query: UseQueryResult<T>;
  testId: string;
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <ReportSection
      title={title}
      note={note}
      actions={report && <ReportsLink {...report}>{t("dashboard.open_report")}</ReportsLink>}
      testId={testId}
      fillHeight
    >
      {query.isPending ? (
        <Stack gap={8} data-testid="dashboard-loading">
          <Skeleton height={14} />
          <Skeleton height={14} />
          <Skeleton height={14} width="60%" />
        </Stack>
      ) : query.isError ? (
        <Alert color="red" data-testid="dashboard-error">
          {errorMessage(t, query.error)}
        </Alert>
      ) : (
        children(query.data)
      )}
    </ReportSection>
  );
}
