import { Button, Center, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { IconLock } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { call } from "../../backend/call";
import { submitWith } from "../../components/submitWith";
import { type HeldSessionProps, signOut } from "./heldSession";
import { PasswordField, SubmitWithError } from "./PasswordFields";

/**
 * A session that sat idle: the same person's password opens it again, where they left off.
 * Anyone else signs out first, so nobody continues under another person's name.
 */
export function UnlockPage({ session, onDone }: HeldSessionProps) {
  const { t } = useTranslation();
  const [password, setPassword] = useState("");
  const unlock = useMutation({
    mutationFn: () => call("unlock_session", { password }),
    onSuccess: (next) => onDone(next),
  });
  return (
    <Center h="100vh" bg="gray.0">
      <Paper
        withBorder
        shadow="sm"
        p="xl"
        w={400}
        component="form"
        data-testid="unlock-page"
        onSubmit={submitWith(() => unlock.mutate())}
      >
        <Stack>
          <Group gap="xs">
            <IconLock size={22} />
            <Title order={2} data-testid="page-title">
              {t("auth.locked_title")}
            </Title>
          </Group>
          <Text c="dimmed" size="sm">
            {t("auth.locked_intro", {
              name: session.user.display_name,
              minutes: session.settings.idle_lock_minutes,
            })}
          </Text>
          <PasswordField
            value={password}
            onChange={setPassword}
            testId="unlock-password"
            autoFocus
          />
          <SubmitWithError attempt={unlock} testId="unlock" label={t("auth.unlock")} />
          <Button
            variant="subtle"
            onClick={() => void signOut(onDone)}
            data-testid="unlock-sign-out"
          >
            {t("auth.not_you", { name: session.user.display_name })}
          </Button>
        </Stack>
      </Paper>
    </Center>
  );
}
