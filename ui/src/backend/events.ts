// What the Tauri host tells the window on its own (src-tauri/src/team_sync.rs). Like call.ts,
// the only place that listens to the host.
import { listen } from "@tauri-apps/api/event";

/** The desk's sync state changed: a sync ran, or changes wait to be sent. */
export const SYNC_STATE = "lotline://sync-state";
/** Changes from other desks arrived: what is on screen may be out of date. */
export const DATA_CHANGED = "lotline://data-changed";

/** Calls `handler` each time the host sends `event`; returns how to stop listening. */
export function onHostEvent(event: string, handler: () => void): () => void {
  let stop: (() => void) | null = null;
  let stopped = false;
  listen(event, () => handler())
    .then((unlisten) => {
      if (stopped) unlisten();
      else stop = unlisten;
    })
    .catch(() => {
      // Outside the desktop app (tests, a plain browser) there is no host to listen to.
    });
  return () => {
    stopped = true;
    stop?.();
  };
}
