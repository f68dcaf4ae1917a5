import { Anchor, Button, Group, Stack } from "@mantine/core";
import { IconTruckDelivery } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { call } from "../../backend/call";
import { Section } from "../../components/Section";
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
    <Section
      title={t("reshipments.on_failure.title")}
      testId="failure-reshipments"
      isEmpty={rows.length === 0}
      empty={t("reshipments.on_failure.none")}
      actions={
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
      }
    >
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
    </Section>
  );
}
