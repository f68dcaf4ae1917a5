import { Alert, Skeleton, Stack } from "@mantine/core";
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../errors/apiError";
import { ReportSection } from "../reports/ReportSection";

/** One card of the overview: it loads, fails and shows on its own, so one slow act hides nothing. */
export function DashboardCard<T>({
  title,
  note,
  action,
  query,
  testId,
  children,
}: {
  title: string;
  note?: string;
  action?: ReactNode;
  query: UseQueryResult<T>;
  testId: string;
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <ReportSection title={title} note={note} actions={action} testId={testId} fillHeight>
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
