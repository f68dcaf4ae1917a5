import { Button, Group, PasswordInput, Stack, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { call } from "../../../../backend/call";
import { errorMessage, fieldErrors } from "../../../../errors/apiError";
import { showTeam } from "./queries";

/** The administrator's password once more, for the team's server to give this desk a session. */
export function RenewSessionForm() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [password, setPassword] = useState("");
  const renew = useMutation({
    mutationFn: () => call("renew_team_session", { password }),
    onSuccess: (team) => {
      setPassword("");
      showTeam(client, team);
    },
  });
  const errors = renew.error ? fieldErrors(t, renew.error) : {};
  const general = renew.error && !errors.password ? errorMessage(t, renew.error) : null;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        renew.mutate();
      }}
    >
      <Stack gap="xs" maw={420}>
        <Text size="sm" data-testid="team-admin-renew-intro">
          {t("sync.admin.renew_intro")}
        </Text>
        <PasswordInput
          label={t("sync.admin.renew_password")}
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          error={errors.password ?? general}
          autoComplete="current-password"
          data-testid="team-admin-password"
        />
        <Group>
          <Button type="submit" loading={renew.isPending} data-testid="team-admin-renew">
            {t("sync.admin.renew")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
