import { Stack, TextInput } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Session } from "../../backend/bindings/Session";
import { call } from "../../backend/call";
import { submitWith } from "../../components/submitWith";
import { PasswordField, SubmitWithError } from "./PasswordFields";

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
    <Stack component="form" onSubmit={submitWith(() => signIn.mutate())}>
      <TextInput
        data-testid="signin-username"
        label={t("auth.username")}
        value={username}
        onChange={(e) => setUsername(e.currentTarget.value)}
        autoFocus
        required
      />
      <PasswordField value={password} onChange={setPassword} testId="signin-password" />
      <SubmitWithError attempt={signIn} testId="signin" label={t("auth.sign_in")} />
    </Stack>
  );
}
