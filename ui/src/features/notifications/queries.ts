import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { call, notifySystem } from "../../backend/call";
import { notificationText } from "./text";

export const INBOX = ["notifications", "inbox"] as const;
export const POLL = ["notifications", "poll"] as const;
export const PREFERENCES = ["notification_preferences"] as const;

/** How often the shell asks for the unread count and what is new (a sync also asks at once). */
export const POLL_EVERY_MS = 30_000;
/** More new ones than this at once are told as one summary, not one by one. */
const ONE_BY_ONE = 3;

/**
 * The unread count for the header, and the operating system's notification for each new one:
 * the backend answers each notification as new once, and the host shows it only while the window
 * is in the background.
 */
export function useNotificationPoll() {
  const { t, i18n } = useTranslation();
  const poll = useQuery({
    queryKey: POLL,
    queryFn: () => call("poll_notifications", {}),
    refetchInterval: POLL_EVERY_MS,
  });
  const data = poll.data;
  useEffect(() => {
    if (!data?.system || data.fresh.length === 0) return;
    if (data.fresh.length > ONE_BY_ONE) {
      void notifySystem(
        t("notifications.system.summary_title"),
        t("notifications.system.summary_body", { count: data.fresh.length }),
      );
      return;
    }
    for (const n of data.fresh) {
      const { title, body } = notificationText(t, n, i18n.language);
      void notifySystem(title, body);
    }
  }, [data, t, i18n.language]);
  return data?.unread ?? 0;
}
