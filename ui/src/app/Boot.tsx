import { Alert, Center, Loader } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Session } from "../backend/bindings/Session";
import { call } from "../backend/call";
import { errorMessage } from "../errors/apiError";
import { SignInPage } from "../features/auth/SignInPage";
import { SetupPage } from "../features/setup/SetupPage";
import i18n from "../i18n";
import { AppRouter } from "./router";
import { SessionContext } from "./session";

/** First start shows setup; then sign-in; then the app, in the signed-in user's language. */
export function Boot() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [session, setSessionState] = useState<Session | null | undefined>(undefined);
  const status = useQuery({ queryKey: ["setup_status"], queryFn: () => call("setup_status", {}) });
  const current = useQuery({
    queryKey: ["current_session"],
    queryFn: () => call("current_session", {}),
    enabled: status.data?.needs_setup === false,
  });

  const setSession = (next: Session | null) => {
    if (next) void i18n.changeLanguage(next.user.language);
    if (!next) queryClient.clear();
    setSessionState(next);
  };

  if (status.isError || current.isError) {
    return (
      <Center h="100vh" p="xl">
        <Alert color="red" title={t("boot.cannot_open")} maw={560}>
          {errorMessage(t, status.error ?? current.error)}
        </Alert>
      </Center>
    );
  }
  if (status.isPending) {
    return (
      <Center h="100vh">
        <Loader />
      </Center>
    );
  }
  if (status.data.needs_setup && session === undefined) {
    return <SetupPage onDone={(s) => setSession(s)} />;
  }
  const active = session === undefined ? current.data : session;
  if (active === undefined) {
    return (
      <Center h="100vh">
        <Loader />
      </Center>
    );
  }
  if (active === null) {
    return <SignInPage companyName={status.data.company_name} onSignedIn={(s) => setSession(s)} />;
  }
  return (
    <SessionContext.Provider value={{ session: active, setSession }}>
      <AppRouter />
    </SessionContext.Provider>
  );
}
