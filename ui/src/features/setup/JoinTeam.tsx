import { Alert, Button, Group, Loader, Paper, Stack, Text } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Enrolled } from "../../backend/bindings/Enrolled";
import { translateKey } from "../../errors/apiError";
import { EnrolForm } from "../settings/team/EnrolForm";

/**
 * A new desk joins an existing team instead of being set up on its own: it receives the team's
 * data (its settings and users) with the first sync, and then people sign in as in the team.
 */
export function JoinTeam({ teamDesk, onBack }: { teamDesk: string | null; onBack: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [waiting, setWaiting] = useState<{ desk: string; reason: string } | null>(
    teamDesk ? { desk: teamDesk, reason: "" } : null,
  );
  const enrolled = (result: Enrolled) => {
    const reason = result.sync_error
      ? translateKey(t, result.sync_error.message_key, result.sync_error.params)
      : "";
    setWaiting({ desk: result.desk_code, reason });
    // With the team's settings here, the desk is set up: sign-in comes next.
    void client.invalidateQueries({ queryKey: ["setup_status"] });
  };
  return (
    <Paper withBorder p="xl" radius="md">
      <Stack>
        {waiting ? (
          <Alert
            color="blue"
            title={t("sync.team.join.waiting_title")}
            icon={<Loader size="xs" />}
            data-testid="join-waiting"
          >
            <Text size="sm">{t("sync.team.join.waiting", { desk: waiting.desk })}</Text>
            {waiting.reason && (
              <Text size="sm" c="red" mt="xs">
                {waiting.reason}
              </Text>
            )}
          </Alert>
        ) : (
          <EnrolForm withSite onEnrolled={enrolled} />
        )}
        <Group>
          <Button variant="subtle" onClick={onBack} data-testid="join-back">
            {t("sync.team.join.back")}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
