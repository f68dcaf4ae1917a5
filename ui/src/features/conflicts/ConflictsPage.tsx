import { Alert, Stack, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { call } from "../../backend/call";
import { Note } from "../../components/Note";
import { errorMessage } from "../../errors/apiError";
import { REFUSED_ACTS } from "../settings/team/RefusedActs";
import { ConflictCard } from "./ConflictCard";
import { CONFLICTS } from "./queries";
import { RefusedCard } from "./RefusedCard";

/**
 * The conflicts inbox: what merging the desks' work broke, for a person to decide, and this
 * desk's changes the team refused. Kept current by the host's data-changed event, which
 * refreshes every open query (`useLiveData`).
 */
export function ConflictsPage() {
  const { t } = useTranslation();
  const conflicts = useQuery({ queryKey: CONFLICTS, queryFn: () => call("list_conflicts", {}) });
  const refused = useQuery({
    queryKey: REFUSED_ACTS,
    queryFn: () => call("list_refused_acts", {}),
  });
  const list = conflicts.data ?? [];
  const open = list.filter((c) => !c.resolution);
  const resolved = list.filter((c) => c.resolution);
  const waiting = (refused.data ?? []).filter((r) => !r.dismissed_at);
  const empty =
    conflicts.isSuccess && refused.isSuccess && open.length === 0 && waiting.length === 0;
  return (
    <Stack gap="md" maw={1100}>
      <div>
        <Title order={2}>{t("conflicts.title")}</Title>
        <Note>{t("conflicts.intro")}</Note>
      </div>
      {conflicts.isError && <Alert color="red">{errorMessage(t, conflicts.error)}</Alert>}
      {refused.isError && <Alert color="red">{errorMessage(t, refused.error)}</Alert>}
      {empty && (
        <Alert color="teal" data-testid="conflicts-empty">
          {t("conflicts.empty")}
        </Alert>
      )}
      {open.map((c) => (
        <ConflictCard key={c.conflict_key} conflict={c} />
      ))}
      {waiting.length > 0 && <Title order={4}>{t("conflicts.refused.section")}</Title>}
      {waiting.map((r) => (
        <RefusedCard key={r.act_id} refused={r} />
      ))}
      {resolved.length > 0 && <Title order={4}>{t("conflicts.resolved_section")}</Title>}
      {resolved.map((c) => (
        <ConflictCard key={c.conflict_key} conflict={c} />
      ))}
    </Stack>
  );
}
