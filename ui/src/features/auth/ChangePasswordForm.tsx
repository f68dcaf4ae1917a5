import { Button, Group, PasswordInput, Stack, Text } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Session } from "../../backend/bindings/Session";
import { call } from "../../backend/call";
import { submitWith } from "../../components/submitWith";
import { errorMessage, fieldErrors } from "../../errors/apiError";

/**
 * The current password, a new one twice: the same form when a sign-in requires a new password
 * and when a person changes theirs from the user menu. The backend holds the rules; the repeat
 * is checked here because only the person knows what they meant to type.
 */
export function ChangePasswordForm({
  onChanged,
  extraActions,
}: {
  onChanged: (session: Session) => void;
  extraActions?: ReactNode;
}) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [repeat, setRepeat] = useState("");
  const [mismatch, setMismatch] = useState(false);
  const change = useMutation({
    mutationFn: () => call("change_my_password", { current_password: current, new_password: next }),
    onSuccess: (session) => onChanged(session),
  });
  const errors = change.error ? fieldErrors(t, change.error) : {};
  const general = change.error && Object.keys(errors).length === 0;
  return (
    <form
      onSubmit={submitWith(() => {
        setMismatch(next !== repeat);
        if (next === repeat) change.mutate();
      })}
    >
      <Stack gap="sm">
        <PasswordInput
          data-testid="change-password-current"
          label={t("auth.current_password")}
          value={current}
          onChange={(e) => setCurrent(e.currentTarget.value)}
          error={errors.current_password}
          autoFocus
          required
        />
        <PasswordInput
          data-testid="change-password-new"
          label={t("auth.new_password")}
          description={t("setup.password_hint")}
          value={next}
          onChange={(e) => setNext(e.currentTarget.value)}
          error={errors.new_password}
          required
        />
        <PasswordInput
          data-testid="change-password-repeat"
          label={t("auth.repeat_password")}
          value={repeat}
          onChange={(e) => setRepeat(e.currentTarget.value)}
          error={mismatch ? t("setup.passwords_differ") : undefined}
          required
        />
        {general && (
          <Text c="red" size="sm" data-testid="change-password-error">
            {errorMessage(t, change.error)}
          </Text>
        )}
        <Group justify="flex-end">
          {extraActions}
          <Button type="submit" loading={change.isPending} data-testid="change-password-submit">
            {t("auth.change_password")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
