import { Alert, Center, Loader } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../backend/bindings/ApiError";
import type { Session } from "../backend/bindings/Session";
import { ApiFailure, call, SIGNED_OUT_EVENT } from "../backend/call";
import { errorMessage } from "../errors/apiError";
import { SignInPage } from "../features/auth/SignInPage";
import { SetupPage } from "../features/setup/SetupPage";
import i18n from "../i18n";
import { installCurrencies } from "../money";
import { useLiveData } from "./liveData";
import { AppRouter } from "./router";
import { SessionContext } from "./session";

/** Changes from a team's desks that run a newer Lotline are kept but cannot be shown here. */
function NewerEventsNotice({ count }: { count: number }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(true);
  if (!open) return null;
  return (
    <Alert
      color="yellow"
      title={t("boot.newer_events_title")}
      withCloseButton
      closeButtonLabel={t("common.close")}
      onClose={() => setOpen(false)}
      maw={420}
      style={{ position: "fixed", right: 16, bottom: 16, zIndex: 300 }}
      data-testid="newer-events"
    >
      {t("boot.newer_events", { count })}
    </Alert>
  );
}

/** First start shows setup; then sign-in; then the app, in the signed-in user's language. */
export function Boot() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  useLiveData();
  const [session, setSessionState] = useState<Session | null | undefined>(undefined);
  const status = useQuery({
    queryKey: ["setup_status"],
    queryFn: async () => {
      const answer = await call("setup_status", {});
      // Installed before anything renders an amount: every screen formats with the backend's table.
      installCurrencies(answer.currencies);
      return answer;
    },
  });
  const current = useQuery({
    queryKey: ["current_session"],
    queryFn: () => call("current_session", {}),
    enabled: status.data?.needs_setup === false,
  });

  const [signedOut, setSignedOut] = useState<ApiError | null>(null);

  const setSession = (next: Session | null) => {
    if (next) void i18n.changeLanguage(next.user.language);
    if (!next) queryClient.clear();
    if (next) setSignedOut(null);
    setSessionState(next);
  };

  // The backend signed the person out (their account was deactivated): back to sign-in, saying why.
  useEffect(() => {
    const onSignedOut = (event: Event) => {
      setSignedOut((event as CustomEvent<ApiError>).detail);
      queryClient.clear();
      setSessionState(null);
    };
    window.addEventListener(SIGNED_OUT_EVENT, onSignedOut);
    return () => window.removeEventListener(SIGNED_OUT_EVENT, onSignedOut);
  }, [queryClient]);

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
    return <SetupPage onDone={(s) => setSession(s)} teamDesk={status.data.team_desk} />;
  }
  const active = session === undefined ? current.data : session;
  if (active === undefined) {
    return (
      <Center h="100vh">
        <Loader />
      </Center>
    );
  }
  // Shown before and after sign-in: whoever sits at this desk should know it needs an update.
  const notice = status.data.newer_events > 0 && (
    <NewerEventsNotice count={status.data.newer_events} />
  );
  if (active === null) {
    return (
      <>
        {notice}
        {signedOut && (
          <Alert
            color="orange"
            maw={420}
            style={{ position: "fixed", left: 16, top: 16, zIndex: 300 }}
            data-testid="signed-out"
          >
            {errorMessage(t, new ApiFailure(signedOut))}
          </Alert>
        )}
        <SignInPage companyName={status.data.company_name} onSignedIn={(s) => setSession(s)} />
      </>
    );
  }
  return (
    <SessionContext.Provider value={{ session: active, setSession }}>
      {notice}
      <AppRouter />
    </SessionContext.Provider>
  );
}
