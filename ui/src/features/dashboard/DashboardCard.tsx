import { Alert, Group, Paper, Skeleton, Stack, Text, Title } from "@mantine/core";
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../errors/apiError";

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
    <Paper withBorder p="md" radius="md" h="100%" data-testid={testId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div>
            <Title order={4}>{title}</Title>
            {note && (
              <Text c="dimmed" size="xs">
                {note}
              </Text>
            )}
          </div>
          {action}
        </Group>
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
      </Stack>
    </Paper>
  );
}
