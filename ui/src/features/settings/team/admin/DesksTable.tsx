import { Badge, Table, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { TeamDeskView } from "../../../../backend/bindings/TeamDeskView";
import { call } from "../../../../backend/call";
import { ConfirmModal } from "../../../../components/ConfirmModal";
import { RowButton } from "../../../../components/RowButton";
import { fieldHeadings } from "../../../../components/TableHead";
import { formatDateTimeShort } from "../../../../format";
import { AdminTable, useLastSeen } from "./AdminTable";
import { showTeam } from "./queries";

/** The headings of a desk row (`sync.admin.<key>`); the last column holds its button. */
const COLUMNS = ["desk", "enrolled_at", "last_contact", "version", "state", ""];

/** The team's desks: when each was last heard from, on which version; revoke one. */
export function DesksTable({ desks }: { desks: TeamDeskView[] }) {
  const { t, i18n } = useTranslation();
  const [revoking, setRevoking] = useState<TeamDeskView | null>(null);
  const when = useLastSeen();
  return (
    <>
      <AdminTable
        title={t("sync.admin.desks")}
        data-testid="team-desks"
        columns={fieldHeadings(t, "sync.admin", COLUMNS)}
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
                <RowButton
                  label={t("sync.admin.revoke")}
                  color="red"
                  onClick={() => setRevoking(desk)}
                  testId="team-desk-revoke"
                />
              )}
            </Table.Td>
          </Table.Tr>
        )}
      />
      {revoking && <RevokeModal desk={revoking} onClose={() => setRevoking(null)} />}
    </>
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
    <ConfirmModal
      onClose={onClose}
      title={t("sync.admin.revoke_title", { desk: desk.desk_code })}
      confirmLabel={t("sync.admin.revoke")}
      confirmTestId="team-desk-revoke-confirm"
      onConfirm={() => revoke.mutate()}
      pending={revoke.isPending}
      error={revoke.error}
    >
      <Text size="sm">{t("sync.admin.revoke_body", { desk: desk.desk_code })}</Text>
    </ConfirmModal>
  );
}
