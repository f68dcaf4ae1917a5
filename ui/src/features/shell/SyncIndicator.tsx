import { Button, Tooltip } from "@mantine/core";
import {
  IconAlertTriangle,
  IconCloudCheck,
  IconCloudOff,
  IconCloudUpload,
} from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { TEAM_STATUS } from "../../app/liveData";
import { call } from "../../backend/call";
import { type SyncState, syncStateDetail, syncStateOf, syncStateWords } from "./syncState";

const LOOK: Record<Exclude<SyncState["kind"], "off">, { color: string; icon: React.ReactNode }> = {
  synced: { color: "teal", icon: <IconCloudCheck size={16} /> },
  waiting: { color: "blue", icon: <IconCloudUpload size={16} /> },
  offline: { color: "gray", icon: <IconCloudOff size={16} /> },
  error: { color: "red", icon: <IconAlertTriangle size={16} /> },
};

/** The desk's sync state in the header, opening the Team sync page; nothing on a desk on its own. */
export function SyncIndicator() {
  const { t, i18n } = useTranslation();
  const status = useQuery({ queryKey: TEAM_STATUS, queryFn: () => call("team_status", {}) });
  if (!status.data) return null;
  const state = syncStateOf(status.data);
  if (state.kind === "off") return null;
  const words = syncStateWords(t, state, i18n.language);
  const detail = syncStateDetail(t, state, i18n.language);
  const look = LOOK[state.kind];
  return (
    <Tooltip label={detail} disabled={detail === ""} multiline maw={360} withArrow>
      <Button
        component={Link}
        to="/settings/team-sync"
        variant="light"
        color={look.color}
        size="compact-sm"
        leftSection={look.icon}
        aria-label={t("sync.team.indicator_label", {
          state: detail ? `${words}. ${detail}` : words,
        })}
        data-testid="sync-indicator"
        data-state={state.kind}
      >
        {words}
      </Button>
    </Tooltip>
  );
}
