import { Button, Group, NumberInput, Paper, Stack, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSession } from "../../app/session";
import { call } from "../../backend/call";
import { Note } from "../../components/Note";
import { fieldErrors } from "../../errors/apiError";

/** An administrator sets after how many idle minutes every session asks for the password again. */
export function SessionPolicyCard() {
  const { t } = useTranslation();
  const { session, setSession } = useSession();
  const [minutes, setMinutes] = useState<number | string>(session.settings.idle_lock_minutes);
  const save = useMutation({
    mutationFn: () => call("set_session_policy", { idle_lock_minutes: Number(minutes) }),
    onSuccess: (settings) => {
      setSession({ ...session, settings });
      notifications.show({
        color: "teal",
        message: t("users.idle_lock_saved", { minutes: settings.idle_lock_minutes }),
      });
    },
  });
  const errors = save.error ? fieldErrors(t, save.error) : {};
  return (
    <Paper withBorder p="md" data-testid="session-policy">
      <Stack gap="xs">
        <Title order={4}>{t("users.session_policy_title")}</Title>
        <Note>{t("users.idle_lock_hint")}</Note>
        <Group align="flex-end">
          <NumberInput
            data-testid="idle-lock-minutes"
            label={t("users.idle_lock_minutes")}
            value={minutes}
            onChange={setMinutes}
            min={1}
            max={480}
            allowDecimal={false}
            w={220}
            error={errors.idle_lock_minutes}
          />
          <Button
            onClick={() => save.mutate()}
            loading={save.isPending}
            data-testid="idle-lock-save"
          >
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
