import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Text,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconRefresh } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { TEAM_STATUS } from "../../../app/liveData";
import { may, useSession } from "../../../app/session";
import type { Enrolled } from "../../../backend/bindings/Enrolled";
import type { TeamStatus } from "../../../backend/bindings/TeamStatus";
import { call } from "../../../backend/call";
import { Fact } from "../../../components/Fact";
import { Note } from "../../../components/Note";
import { PageHeader } from "../../../components/page/PageHeader";
import { apiErrorOf, errorMessage, translateKey } from "../../../errors/apiError";
import { formatDateTime } from "../../../format";
import { syncStateOf, syncStateWords } from "../../shell/syncState";
import { TeamAdminPanel } from "./admin/TeamAdminPanel";
import { EnrolForm } from "./EnrolForm";
import { LeaveTeamButton } from "./LeaveTeamButton";
import { REFUSED_ACTS, RefusedActs } from "./RefusedActs";

/** Settings → Team sync: where this desk stands with its team; administrators join and leave. */
export function TeamSyncPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const status = useQuery({ queryKey: TEAM_STATUS, queryFn: () => call("team_status", {}) });
  return (
    <Stack gap="md" maw={920}>
      <PageHeader title={t("sync.team.title")} subtitle={t("sync.team.intro")} />
      {status.isError && <Alert color="red">{errorMessage(t, status.error)}</Alert>}
      {status.isPending && <Loader />}
      {status.data &&
        (status.data.enrolled ? (
          <EnrolledPanel status={status.data} />
        ) : (
          <OnItsOwnPanel status={status.data} />
        ))}
      {status.data?.enrolled && may(session, "manage_users") && <TeamAdminPanel />}
      {status.data && (status.data.enrolled || status.data.refused_acts > 0) && <RefusedActs />}
    </Stack>
  );
}

function EnrolledPanel({ status }: { status: TeamStatus }) {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const client = useQueryClient();
  const state = syncStateOf(status);
  const sync = useMutation({
    mutationFn: () => call("sync_team", {}),
    onSuccess: (report) => {
      notifications.show({
        color: "teal",
        message: t("sync.team.synced", { pushed: report.pushed, pulled: report.pulled }),
      });
      if (report.rejected.length > 0) {
        notifications.show({
          color: "orange",
          message: t("sync.team.synced_refused", { count: report.rejected.length }),
        });
      }
      // Other desks' changes or this desk's refused ones: every open list may be out of date.
      if (report.pulled > 0 || report.rejected.length > 0) void client.invalidateQueries();
      else void client.invalidateQueries({ queryKey: TEAM_STATUS });
    },
    onError: (err) => {
      const offline = apiErrorOf(err).message_key === "error.sync.unreachable";
      notifications.show(
        offline
          ? {
              color: "yellow",
              message: t("sync.team.offline_body", { server: status.server ?? "" }),
            }
          : { color: "red", message: errorMessage(t, err) },
      );
      void client.invalidateQueries({ queryKey: TEAM_STATUS });
      void client.invalidateQueries({ queryKey: REFUSED_ACTS });
    },
  });
  const when = (value: string | null) => (value ? formatDateTime(value, i18n.language) : "");
  const error = status.last_error;
  const offline = state.kind === "offline";
  const color = { synced: "teal", waiting: "blue", offline: "gray", error: "red", off: "gray" }[
    state.kind
  ];
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="md">
        <Group justify="space-between" wrap="wrap">
          <Group gap="xs">
            <Note>{t("sync.team.state_label")}</Note>
            <Badge color={color} variant="light" size="lg" tt="none" data-testid="team-state">
              {syncStateWords(t, state, i18n.language)}
            </Badge>
          </Group>
          <Group gap="sm">
            <Button
              leftSection={<IconRefresh size={16} />}
              onClick={() => sync.mutate()}
              loading={sync.isPending}
              data-testid="team-sync-now"
            >
              {t("sync.team.sync_now")}
            </Button>
            {may(session, "manage_users") && <LeaveTeamButton status={status} />}
          </Group>
        </Group>
        {error && (
          <Alert
            color={offline ? "yellow" : "red"}
            title={t(offline ? "sync.team.offline_title" : "sync.team.error_title")}
            data-testid="team-error"
          >
            <Text size="sm">
              {offline
                ? t("sync.team.offline_body", { server: status.server ?? "" })
                : translateKey(t, error.message_key, error.params)}
            </Text>
            <Text size="xs" c="dimmed" mt={4}>
              {t("sync.team.since", { time: when(status.failing_since ?? error.at) })}
            </Text>
            {offline && error.params.detail && (
              // The technical words stay available for whoever looks after the server.
              <Text size="xs" c="dimmed">
                {t("sync.team.detail", { detail: error.params.detail })}
              </Text>
            )}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 2, md: 3 }} spacing="md" verticalSpacing="md">
          {(
            [
              ["server", "team-server-shown", status.server],
              ["desk_code", "team-desk-code", status.desk_code],
              [
                "last_success",
                "team-last-success",
                when(status.last_success) || t("sync.team.never"),
              ],
              ["pending", "team-pending", String(status.pending)],
              ["open_conflicts", "team-conflicts", String(status.open_conflicts)],
              ["refused_count", "team-refused-count", String(status.refused_acts)],
            ] satisfies [string, string, string | null][]
          ).map(([key, testId, value]) => (
            <Fact key={key} label={t(`sync.team.${key}`)} testId={testId}>
              {value}
            </Fact>
          ))}
        </SimpleGrid>
        {status.open_conflicts + status.refused_acts > 0 && (
          // A plain hash link: the router's history is the hash, and this page also renders alone.
          <Anchor href="#/conflicts" size="sm" data-testid="team-open-inbox">
            {t("sync.team.open_inbox")}
          </Anchor>
        )}
      </Stack>
    </Paper>
  );
}

function OnItsOwnPanel({ status }: { status: TeamStatus }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const client = useQueryClient();
  const enrolled = (result: Enrolled) => {
    if (result.first_sync) {
      notifications.show({
        color: "teal",
        message: t("sync.team.enrolled", { desk: result.desk_code }),
      });
    } else {
      const reason = result.sync_error
        ? translateKey(t, result.sync_error.message_key, result.sync_error.params)
        : "";
      notifications.show({
        color: "orange",
        message: t("sync.team.enrolled_no_sync", { desk: result.desk_code, reason }),
      });
    }
    // The desk code now leads new numbers, and the team's data may have arrived.
    void client.invalidateQueries();
  };
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="md">
        <div>
          <Text data-testid="team-on-its-own">{t("sync.team.not_enrolled")}</Text>
          {status.desk_code && (
            <Note>{t("sync.team.kept_desk_code", { desk: status.desk_code })}</Note>
          )}
        </div>
        {may(session, "manage_users") ? (
          <EnrolForm withSite={false} onEnrolled={enrolled} />
        ) : (
          <Note>{t("sync.team.admin_only")}</Note>
        )}
      </Stack>
    </Paper>
  );
}
