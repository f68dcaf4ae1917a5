import { Alert, Center, Loader } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../backend/bindings/ApiError";
import type { Session } from "../backend/bindings/Session";
import { ApiFailure, call, SESSION_BLOCKED_EVENT, SIGNED_OUT_EVENT } from "../backend/call";
import { errorMessage } from "../errors/apiError";
import { ChangePasswordPage } from "../features/auth/ChangePasswordPage";
import { LogHoldPage } from "../features/auth/LogHoldPage";
import { SignInPage } from "../features/auth/SignInPage";
import { UnlockPage } from "../features/auth/UnlockPage";
import { SetupPage } from "../features/setup/SetupPage";
import i18n from "../i18n";
import { installCurrencies } from "../money";
import { useIdleLock } from "./idleLock";
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
  const hold = useQuery({
    queryKey: ["log_hold"],
    queryFn: () => call("log_hold", {}),
    enabled: status.data?.needs_setup === false,
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
    // After an unlock or a new password, what was refused meanwhile is asked for again.
    if (next) void queryClient.invalidateQueries();
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

  // The backend locked the session or wants a new password first: ask it where the session stands.
  const refresh = useCallback(() => {
    void call("current_session", {}).then((next) => setSessionState(next));
  }, []);
  useEffect(() => {
    const onBlocked = () => refresh();
    window.addEventListener(SESSION_BLOCKED_EVENT, onBlocked);
    return () => window.removeEventListener(SESSION_BLOCKED_EVENT, onBlocked);
  }, [refresh]);

  const active = session === undefined ? current.data : session;
  const working = !!active && !active.locked && !active.must_change_password;
  const lock = useCallback(() => {
    void call("lock_session", {}).finally(refresh);
  }, [refresh]);
  const heartbeat = useCallback(() => {
    void call("touch_session", {}).catch(() => undefined);
  }, []);
  useIdleLock(active?.settings.idle_lock_minutes ?? 15, working, lock, heartbeat);

  if (status.isError || current.isError || hold.isError) {
    return (
      <Center h="100vh" p="xl">
        <Alert color="red" title={t("boot.cannot_open")} maw={560}>
          {errorMessage(t, status.error ?? current.error ?? hold.error)}
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
  if (active === undefined || hold.isPending) {
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
  // The log failed its check at start: an administrator of the verified log sees it first.
  if (hold.data) {
    return (
      <LogHoldPage
        hold={hold.data}
        session={active}
        onSignedIn={setSessionState}
        onReleased={() => {
          void hold.refetch();
          if (active) setSession(active);
        }}
      />
    );
  }
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
  if (active.locked) return <UnlockPage session={active} onDone={setSession} />;
  if (active.must_change_password) {
    return <ChangePasswordPage session={active} onDone={setSession} />;
  }
  return (
    <SessionContext.Provider value={{ session: active, setSession }}>
      {notice}
      <AppRouter />
    </SessionContext.Provider>
  );
}
