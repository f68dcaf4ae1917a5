import { Alert, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconLogout } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { TEAM_STATUS } from "../../../app/liveData";
import type { TeamStatus } from "../../../backend/bindings/TeamStatus";
import { call } from "../../../backend/call";
import { ConfirmModal } from "../../../components/ConfirmModal";
import { ModalButton } from "../../../components/ModalButton";

/** Leaves the team after a confirmation that says what stays and what is lost. */
export function LeaveTeamButton({ status }: { status: TeamStatus }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const leave = useMutation({
    mutationFn: () => call("leave_team", {}),
    onSuccess: (next) => {
      client.setQueryData(TEAM_STATUS, next);
      notifications.show({ color: "teal", message: t("sync.team.left") });
    },
  });
  return (
    <ModalButton
      variant="outline"
      color="red"
      label={t("sync.team.leave")}
      icon={<IconLogout size={16} />}
      testId="team-leave"
    >
      {(close) => (
        <ConfirmModal
          onClose={close}
          title={t("sync.team.leave_title")}
          testId="team-leave-modal"
          confirmLabel={t("sync.team.leave_confirm")}
          confirmTestId="team-leave-confirm"
          onConfirm={() => leave.mutate(undefined, { onSuccess: close })}
          pending={leave.isPending}
          error={leave.error}
        >
          <Text size="sm">
            {t("sync.team.leave_body", {
              server: status.server ?? "",
              desk: status.desk_code ?? "",
            })}
          </Text>
          {status.pending > 0 && (
            <Alert color="yellow" data-testid="team-leave-pending">
              {t("sync.team.leave_pending", { count: status.pending })}
            </Alert>
          )}
        </ConfirmModal>
      )}
    </ModalButton>
  );
}
