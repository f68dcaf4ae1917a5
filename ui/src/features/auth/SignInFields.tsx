import { Button, PasswordInput, Stack, Text, TextInput } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Session } from "../../backend/bindings/Session";
import { call } from "../../backend/call";
import { errorMessage } from "../../errors/apiError";

/** The name and password form that signs a person in, with the backend's refusal beneath it. */
export function SignInFields({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const { t } = useTranslation();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const signIn = useMutation({
    mutationFn: () => call("sign_in", { username, password }),
    onSuccess: onSignedIn,
  });
  return (
    <Stack
      component="form"
      onSubmit={(e: React.FormEvent) => {
        e.preventDefault();
        signIn.mutate();
      }}
    >
      <TextInput
        data-testid="signin-username"
        label={t("auth.username")}
        value={username}
        onChange={(e) => setUsername(e.currentTarget.value)}
        autoFocus
        required
      />
      <PasswordInput
        data-testid="signin-password"
        label={t("auth.password")}
        value={password}
        onChange={(e) => setPassword(e.currentTarget.value)}
        required
      />
      {signIn.isError && (
        <Text c="red" size="sm" data-testid="signin-error">
          {errorMessage(t, signIn.error)}
        </Text>
      )}
      <Button data-testid="signin-submit" type="submit" loading={signIn.isPending}>
        {t("auth.sign_in")}
      </Button>
    </Stack>
  );
}
