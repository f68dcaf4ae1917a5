import { Anchor, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { IconTruckDelivery } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { call } from "../../backend/call";
import { ReshipmentStatusBadge } from "./badges";

/** On a failure: the reshipments that replace its goods, and a way to request one. */
export function FailureReshipments({ failureNo }: { failureNo: string }) {
  const { t } = useTranslation();
  const list = useQuery({
    queryKey: ["reshipments", "failure", failureNo],
    queryFn: () => call("list_reshipments", { failure_no: failureNo, offset: 0, limit: 50 }),
  });
  const rows = list.data?.rows ?? [];
  return (
    <Paper withBorder p="md" radius="md" data-testid="failure-reshipments">
      <Group justify="space-between" mb="sm">
        <Title order={5}>{t("reshipments.on_failure.title")}</Title>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconTruckDelivery size={14} />}
          renderRoot={(props) => (
            <Link {...props} to="/reshipments/new" search={{ failure: failureNo }} />
          )}
          data-testid="request-reshipment"
        >
          {t("reshipments.on_failure.request")}
        </Button>
      </Group>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("reshipments.on_failure.none")}
        </Text>
      ) : (
        <Stack gap={4}>
          {rows.map((r) => (
            <Group key={r.reshipment_no} gap="xs" data-testid="failure-reshipment">
              <Anchor
                size="sm"
                renderRoot={(props) => (
                  <Link
                    {...props}
                    to="/reshipments/$reshipmentNo"
                    params={{ reshipmentNo: r.reshipment_no }}
                  />
                )}
              >
                {r.reshipment_no}
              </Anchor>
              <ReshipmentStatusBadge status={r.status} />
            </Group>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
