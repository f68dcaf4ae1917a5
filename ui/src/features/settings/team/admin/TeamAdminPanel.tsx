import { Alert, Group, Loader, Paper, Stack } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { call } from "../../../../backend/call";
import { apiErrorOf, errorMessage } from "../../../../errors/apiError";
import { SectionHead } from "../SectionHead";
import { DesksTable } from "./DesksTable";
import { EnrollCodeButton } from "./EnrollCodeButton";
import { TEAM_ADMIN } from "./queries";
import { RenewSessionForm } from "./RenewSessionForm";
import { UsersTable } from "./UsersTable";

/**
 * The team as its server knows it, for the team's administrators: its desks (revoke one, a code
 * for a new one) and its users (lift a lock). The server decides who may; an administrator who
 * signed in while it could not be reached gives their password again first.
 */
export function TeamAdminPanel() {
  const { t } = useTranslation();
  const team = useQuery({
    queryKey: TEAM_ADMIN,
    queryFn: () => call("team_administration", {}),
    retry: false,
  });
  const needsSession =
    team.isError && apiErrorOf(team.error).message_key === "error.team.session_needed";
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="team-admin-title">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <SectionHead
            id="team-admin-title"
            title={t("sync.admin.title")}
            intro={t("sync.admin.intro")}
          />
          {team.isSuccess && <EnrollCodeButton />}
        </Group>
        {team.isPending && <Loader size="sm" />}
        {needsSession && <RenewSessionForm />}
        {team.isError && !needsSession && (
          <Alert color="yellow" data-testid="team-admin-error">
            {errorMessage(t, team.error)}
          </Alert>
        )}
        {team.data && (
          <>
            <DesksTable desks={team.data.desks} />
            <UsersTable users={team.data.users} />
          </>
        )}
      </Stack>
    </Paper>
  );
}
