import { Alert, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { IconCheck, IconClipboardCheck, IconRepeat, IconShieldCheck } from "@tabler/icons-react";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { may, useSession } from "../../../app/session";
import type { FailureDetail } from "../../../backend/bindings/FailureDetail";
import { ApproveDeviationModal, CompleteModal, SetDispositionModal } from "./DispositionModals";

type Dialog = "set" | "complete" | "approve" | null;

/** What happens to the failed goods, what is still to do, and the buttons to do it. */
export function DispositionCard({ failure }: { failure: FailureDetail }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<Dialog>(null);
  const closed = failure.status === "closed";
  const disposition = failure.disposition;
  const isLead = may(session, "approve_deviation");
  const canComplete =
    failure.status === "in_disposition" &&
    disposition !== null &&
    disposition !== "accept_with_deviation";

  return (
    <Paper withBorder p="md" radius="md">
      <Title order={5} mb="sm">
        {t("failure_detail.disposition")}
      </Title>
      <Stack gap="xs">
        <Text size="sm" data-testid="failure-disposition">
          {disposition
            ? t(`failure.disposition.${disposition}`)
            : t("failure_detail.no_disposition")}
        </Text>
        {failure.disposition_note && (
          <Text size="xs" c="dimmed" fs="italic">
            {failure.disposition_note}
          </Text>
        )}
        {!closed && disposition && (
          <Text size="xs" c="dimmed">
            {t(`failure_detail.next.${disposition}`)}
          </Text>
        )}
        {closed && failure.outcome && (
          <Alert color="teal" icon={<IconCheck size={16} />} p="xs">
            {t(`failure_detail.outcome.${failure.outcome}`, { defaultValue: failure.outcome })}
          </Alert>
        )}
        {failure.status === "awaiting_approval" && !isLead && (
          <Alert color="grape" p="xs">
            {t("failure_detail.awaiting_lead")}
          </Alert>
        )}
        {!closed && (
          <Group gap="xs" mt="xs">
            <Button
              size="xs"
              variant="default"
              onClick={() => setDialog("set")}
              data-testid="failure-set-disposition"
            >
              {disposition
                ? t("failure_detail.change_disposition")
                : t("failure_detail.set_disposition")}
            </Button>
            {disposition === "reinspect" && failure.status === "in_disposition" && (
              <Button
                size="xs"
                variant="light"
                leftSection={<IconRepeat size={14} />}
                onClick={() =>
                  void navigate({
                    to: "/failures/new",
                    search: { reinspection_of: failure.failure_no },
                  })
                }
                data-testid="failure-reinspect"
              >
                {t("failure_detail.log_reinspection")}
              </Button>
            )}
            {canComplete && (
              <Button
                size="xs"
                leftSection={<IconClipboardCheck size={14} />}
                onClick={() => setDialog("complete")}
                data-testid="failure-complete"
              >
                {t(
                  disposition === "reinspect"
                    ? "failure_detail.reinspection_passed"
                    : "failure_detail.complete",
                )}
              </Button>
            )}
            {failure.status === "awaiting_approval" && isLead && (
              <Button
                size="xs"
                color="grape"
                leftSection={<IconShieldCheck size={14} />}
                onClick={() => setDialog("approve")}
                data-testid="failure-approve"
              >
                {t("failure_detail.approve_deviation")}
              </Button>
            )}
          </Group>
        )}
      </Stack>
      {dialog === "set" && (
        <SetDispositionModal failure={failure} onClose={() => setDialog(null)} />
      )}
      {dialog === "complete" && <CompleteModal failure={failure} onClose={() => setDialog(null)} />}
      {dialog === "approve" && (
        <ApproveDeviationModal failure={failure} onClose={() => setDialog(null)} />
      )}
    </Paper>
  );
}
