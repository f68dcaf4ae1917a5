import { Alert, Button, Center, Code, Paper, Stack, Text, Title } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { LogHold } from "../../backend/bindings/LogHold";
import type { Session } from "../../backend/bindings/Session";
import { call } from "../../backend/call";
import { errorMessage } from "../../errors/apiError";
import { SignInFields } from "./SignInFields";

/** What the check at start found, in the reader's language. */
function Finding({ hold }: { hold: LogHold }) {
  const { t } = useTranslation();
  if (hold.chain_problem) {
    const p = hold.chain_problem;
    return (
      <Text data-testid="log-hold-finding">
        {t(`auth.log_hold.chain.${p.problem}`, { number: p.desk_seq, desk: p.desk_id })}{" "}
        <Code>{p.event_id}</Code>
      </Text>
    );
  }
  if (hold.keyed_problem) {
    const p = hold.keyed_problem;
    return (
      <Text data-testid="log-hold-finding">
        {t(`auth.log_hold.keyed.${p.problem}`, { from: p.from_seq, to: p.to_seq, desk: p.desk_id })}
        {p.event_id && (
          <>
            {" "}
            <Code>{p.event_id}</Code>
          </>
        )}
      </Text>
    );
  }
  return <Text data-testid="log-hold-finding">{t("auth.log_hold.key_absent")}</Text>;
}

/**
 * The check at start found the audit log changed: nobody works until an administrator, signed
 * in against the verified log, has seen the finding and goes on (it is recorded with their name).
 */
export function LogHoldPage({
  hold,
  session,
  onSignedIn,
  onReleased,
}: {
  hold: LogHold;
  session: Session | null;
  onSignedIn: (session: Session) => void;
  onReleased: () => void;
}) {
  const { t } = useTranslation();
  const release = useMutation({
    mutationFn: () => call("release_log_hold", {}),
    onSuccess: onReleased,
  });
  return (
    <Center h="100vh" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w={560} data-testid="log-hold">
        <Stack>
          <Title order={2} data-testid="page-title">
            {t("auth.log_hold.title")}
          </Title>
          <Alert color="red">
            <Stack gap="xs">
              {!hold.key_absent && <Text size="sm">{t("auth.log_hold.changed")}</Text>}
              <Finding hold={hold} />
              <Text size="sm">{t("auth.log_hold.what_now")}</Text>
            </Stack>
          </Alert>
          {session ? (
            <>
              <Text>{t("auth.log_hold.go_on_intro", { name: session.user.display_name })}</Text>
              {release.isError && (
                <Text c="red" size="sm" data-testid="log-hold-error">
                  {errorMessage(t, release.error)}
                </Text>
              )}
              <Button
                data-testid="log-hold-release"
                color="red"
                loading={release.isPending}
                onClick={() => release.mutate()}
              >
                {t("auth.log_hold.go_on")}
              </Button>
            </>
          ) : (
            <Stack>
              <Text>{t("auth.log_hold.sign_in_intro")}</Text>
              <SignInFields onSignedIn={onSignedIn} />
            </Stack>
          )}
        </Stack>
      </Paper>
    </Center>
  );
}
