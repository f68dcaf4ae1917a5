import { ActionIcon, Indicator, Tooltip } from "@mantine/core";
import { IconBell } from "@tabler/icons-react";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { useNotificationPoll } from "./queries";

/** The header's bell: how many notifications wait unread, opening the inbox. */
export function NotificationBell() {
  const { t } = useTranslation();
  const unread = useNotificationPoll();
  const label = t("notifications.bell", { count: unread });
  return (
    <Tooltip label={label} withArrow>
      <Indicator
        label={<span data-testid="notification-count">{unread > 99 ? "99+" : unread}</span>}
        size={16}
        color="red"
        disabled={unread === 0}
        offset={4}
      >
        <ActionIcon
          component={Link}
          to="/notifications"
          variant="subtle"
          color="gray"
          size="lg"
          aria-label={label}
          data-testid="notification-bell"
          data-unread={unread}
        >
          <IconBell size={20} />
        </ActionIcon>
      </Indicator>
    </Tooltip>
  );
}
