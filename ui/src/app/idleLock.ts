import { useEffect } from "react";

/** What counts as the person being at the desk. A barcode scanner types, so it counts too. */
const ACTIVITY = ["pointerdown", "pointermove", "keydown", "wheel", "touchstart"] as const;

/** How often, at most, activity is reported to the backend, whose own idle clock counts acts. */
export const HEARTBEAT_MS = 60_000;

/**
 * Calls `onIdle` once `minutes` pass without activity on `target`, and `onActive` at most once
 * a `HEARTBEAT_MS` while there is some: the backend sees only acts, so a person typing a long
 * description for a quarter of an hour would otherwise find their save refused as idle.
 * Returns the function that stops watching.
 */
export function watchIdle(
  target: Window,
  minutes: number,
  onIdle: () => void,
  onActive: () => void,
  now: () => number = Date.now,
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastBeat = now();
  const restart = () => {
    clearTimeout(timer);
    timer = setTimeout(onIdle, minutes * 60_000);
  };
  const onActivity = () => {
    restart();
    if (now() - lastBeat >= HEARTBEAT_MS) {
      lastBeat = now();
      onActive();
    }
  };
  for (const kind of ACTIVITY) target.addEventListener(kind, onActivity, { passive: true });
  restart();
  return () => {
    clearTimeout(timer);
    for (const kind of ACTIVITY) target.removeEventListener(kind, onActivity);
  };
}

/** Locks the signed-in app after the administrator's idle time, on this window's own clock. */
export function useIdleLock(
  minutes: number,
  enabled: boolean,
  onIdle: () => void,
  onActive: () => void,
) {
  useEffect(() => {
    if (!enabled) return;
    return watchIdle(window, minutes, onIdle, onActive);
  }, [minutes, enabled, onIdle, onActive]);
}
