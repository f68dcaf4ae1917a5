import type { TFunction } from "i18next";
import type { SyncError } from "../../backend/bindings/SyncError";
import type { TeamStatus } from "../../backend/bindings/TeamStatus";
import { translateKey } from "../../errors/apiError";
import { formatDateTime } from "../../format";

/** What the shell says about the desk's sync, most pressing first. */
export type SyncState =
  | { kind: "off" }
  | { kind: "synced"; at: string | null }
  | { kind: "waiting"; count: number }
  | { kind: "offline"; since: string; count: number }
  | { kind: "error"; error: SyncError; count: number };

/** The sync server did not answer at all: the desk is offline rather than refused. */
const UNREACHABLE = "error.sync.unreachable";

export function syncStateOf(status: TeamStatus): SyncState {
  if (!status.enrolled) return { kind: "off" };
  const error = status.last_error;
  if (error?.message_key === UNREACHABLE) {
    return { kind: "offline", since: status.failing_since ?? error.at, count: status.pending };
  }
  if (error) return { kind: "error", error, count: status.pending };
  if (status.pending > 0) return { kind: "waiting", count: status.pending };
  return { kind: "synced", at: status.last_success };
}

/** The state in a few words, in the reader's language. */
export function syncStateWords(t: TFunction, state: SyncState, language: string): string {
  switch (state.kind) {
    case "off":
      return t("sync.team.state.off");
    case "synced":
      return t("sync.team.state.synced");
    case "waiting":
      return t("sync.team.state.waiting", { count: state.count });
    case "offline":
      return t("sync.team.state.offline", { time: formatDateTime(state.since, language) });
    case "error":
      return t("sync.team.state.error");
  }
}

/** The longer story for a tooltip: when it last worked, or why it fails. */
export function syncStateDetail(t: TFunction, state: SyncState, language: string): string {
  switch (state.kind) {
    case "synced":
      return state.at ? t("sync.team.synced_at", { time: formatDateTime(state.at, language) }) : "";
    case "offline":
      return state.count > 0 ? t("sync.team.state.waiting", { count: state.count }) : "";
    case "error":
      return translateKey(t, state.error.message_key, state.error.params);
    default:
      return "";
  }
}
