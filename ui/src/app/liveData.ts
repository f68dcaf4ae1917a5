import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { DATA_CHANGED, onHostEvent, SYNC_STATE } from "../backend/events";

/** The query key of the desk's team status (the shell's sync indicator and the Team sync page). */
export const TEAM_STATUS = ["team_status"] as const;

/**
 * Keeps what is on screen current while the desk syncs in the background: the sync status when
 * it changes, and every open list and record when other desks' changes arrive.
 */
export function useLiveData() {
  const client = useQueryClient();
  useEffect(() => {
    const stopState = onHostEvent(SYNC_STATE, () => {
      void client.invalidateQueries({ queryKey: TEAM_STATUS });
    });
    const stopData = onHostEvent(DATA_CHANGED, () => {
      void client.invalidateQueries();
    });
    return () => {
      stopState();
      stopData();
    };
  }, [client]);
}
