import { Badge, Button, Group, Table, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { TeamUserView } from "../../../../backend/bindings/TeamUserView";
import { call } from "../../../../backend/call";
import { fieldHeadings } from "../../../../components/TableHead";
import { errorMessage } from "../../../../errors/apiError";
import { formatDateTimeShort } from "../../../../format";
import { AdminTable, useLastSeen } from "./AdminTable";
import { showTeam } from "./queries";

/** The headings of a user row (`sync.admin.<key>`); the last column holds its button. */
const COLUMNS = ["user", "roles", "desks", "last_sign_in", "state", ""];

/** The team's users as the server knows them: desks, last sign-in, and a lock to lift. */
export function UsersTable({ users }: { users: TeamUserView[] }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const unlock = useMutation({
    mutationFn: (user: TeamUserView) => call("unlock_team_user", { user_id: user.user_id }),
    onSuccess: (team, user) => {
      showTeam(client, team);
      notifications.show({
        color: "teal",
        message: t("sync.admin.unlocked", { user: user.username }),
      });
    },
    onError: (err) => notifications.show({ color: "red", message: errorMessage(t, err) }),
  });
  const when = useLastSeen();
  return (
    <AdminTable
      title={t("sync.admin.users")}
      intro={t("sync.admin.users_intro")}
      data-testid="team-users"
      columns={fieldHeadings(t, "sync.admin", COLUMNS)}
      items={users}
      row={(user) => (
        <Table.Tr key={user.user_id} data-testid="team-user-row" data-key={user.username}>
          <Table.Td>
            <Text size="sm">{user.display_name ?? user.username}</Text>
            <Text size="xs" c="dimmed" ff="monospace">
              {user.username}
            </Text>
          </Table.Td>
          <Table.Td>{user.roles.map((role) => t(`role.${role}`)).join(", ")}</Table.Td>
          <Table.Td ff="monospace">{user.desks.join(", ") || "—"}</Table.Td>
          <Table.Td>{when(user.last_sign_in_at)}</Table.Td>
          <Table.Td>
            <Group gap={4}>
              <UserState user={user} />
              {!user.has_password && (
                <Badge color="gray" variant="light" tt="none">
                  {t("sync.admin.no_password")}
                </Badge>
              )}
            </Group>
          </Table.Td>
          <Table.Td>
            {user.locked_until && (
              <Button
                size="compact-sm"
                variant="subtle"
                onClick={() => unlock.mutate(user)}
                loading={unlock.isPending && unlock.variables?.user_id === user.user_id}
                data-testid="team-user-unlock"
              >
                {t("sync.admin.unlock")}
              </Button>
            )}
          </Table.Td>
        </Table.Tr>
      )}
    />
  );
}

function UserState({ user }: { user: TeamUserView }) {
  const { t, i18n } = useTranslation();
  if (!user.active) {
    return (
      <Badge color="gray" variant="light" tt="none" data-testid="team-user-state">
        {t("sync.admin.deactivated")}
      </Badge>
    );
  }
  if (user.locked_until) {
    return (
      <Badge color="orange" variant="light" tt="none" data-testid="team-user-state">
        {t("sync.admin.locked_until", {
          time: formatDateTimeShort(user.locked_until, i18n.language),
        })}
      </Badge>
    );
  }
  return (
    <Badge color="teal" variant="light" tt="none" data-testid="team-user-state">
      {t("sync.admin.active")}
    </Badge>
  );
}
