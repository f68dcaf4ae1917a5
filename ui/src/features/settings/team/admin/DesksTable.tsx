import { Badge, Button, Group, Modal, Stack, Table, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { TeamDeskView } from "../../../../backend/bindings/TeamDeskView";
import { call } from "../../../../backend/call";
import { HeadedTable } from "../../../../components/HeadedTable";
import { errorMessage } from "../../../../errors/apiError";
import { formatDateTimeShort } from "../../../../format";
import { showTeam } from "./queries";

/** The team's desks: when each was last heard from, on which version; revoke one. */
export function DesksTable({ desks }: { desks: TeamDeskView[] }) {
  const { t, i18n } = useTranslation();
  const [revoking, setRevoking] = useState<TeamDeskView | null>(null);
  const when = (value: string | null) =>
    value ? formatDateTimeShort(value, i18n.language) : t("sync.admin.never");
  return (
    <Stack gap="xs">
      <Title order={5}>{t("sync.admin.desks")}</Title>
      <HeadedTable
        tableProps={{ striped: true, withTableBorder: true, verticalSpacing: "xs" }}
        data-testid="team-desks"
        columns={[
          t("sync.admin.desk"),
          t("sync.admin.enrolled_at"),
          t("sync.admin.last_contact"),
          t("sync.admin.version"),
          t("sync.admin.state"),
          "",
        ]}
        items={desks}
        row={(desk) => (
          <Table.Tr key={desk.desk_code} data-testid="team-desk-row" data-key={desk.desk_code}>
            <Table.Td>
              <Text size="sm" ff="monospace" span>
                {desk.desk_code}
              </Text>
              {desk.this_desk && (
                <Text size="xs" c="dimmed" span ml={6}>
                  {t("sync.admin.this_desk")}
                </Text>
              )}
            </Table.Td>
            <Table.Td>{formatDateTimeShort(desk.enrolled_at, i18n.language)}</Table.Td>
            <Table.Td>{when(desk.last_contact_at)}</Table.Td>
            <Table.Td>{desk.lotline_version ?? "—"}</Table.Td>
            <Table.Td>
              {desk.revoked_at ? (
                <Badge color="red" variant="light" tt="none" data-testid="team-desk-state">
                  {t("sync.admin.revoked", { time: when(desk.revoked_at) })}
                </Badge>
              ) : (
                <Badge color="teal" variant="light" tt="none" data-testid="team-desk-state">
                  {t("sync.admin.active")}
                </Badge>
              )}
            </Table.Td>
            <Table.Td>
              {!desk.revoked_at && !desk.this_desk && (
                <Button
                  size="compact-sm"
                  variant="subtle"
                  color="red"
                  onClick={() => setRevoking(desk)}
                  data-testid="team-desk-revoke"
                >
                  {t("sync.admin.revoke")}
                </Button>
              )}
            </Table.Td>
          </Table.Tr>
        )}
      />
      {revoking && <RevokeModal desk={revoking} onClose={() => setRevoking(null)} />}
    </Stack>
  );
}

function RevokeModal({ desk, onClose }: { desk: TeamDeskView; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const revoke = useMutation({
    mutationFn: () => call("revoke_team_desk", { desk_code: desk.desk_code }),
    onSuccess: (team) => {
      showTeam(client, team);
      notifications.show({
        color: "teal",
        message: t("sync.admin.revoked_notice", { desk: desk.desk_code }),
      });
      onClose();
    },
  });
  return (
    <Modal
      opened
      onClose={onClose}
      title={t("sync.admin.revoke_title", { desk: desk.desk_code })}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      <Stack gap="md">
        <Text size="sm">{t("sync.admin.revoke_body", { desk: desk.desk_code })}</Text>
        {revoke.isError && (
          <Text c="red" size="sm">
            {errorMessage(t, revoke.error)}
          </Text>
        )}
        <Group justify="flex-end">
          {/* Focus starts on Cancel: Enter alone never cuts a desk off. */}
          <Button variant="default" onClick={onClose} data-autofocus>
            {t("common.cancel")}
          </Button>
          <Button
            color="red"
            onClick={() => revoke.mutate()}
            loading={revoke.isPending}
            data-testid="team-desk-revoke-confirm"
          >
            {t("sync.admin.revoke")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
