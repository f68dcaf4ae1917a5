import { Badge, Button, Group, Paper, Stack, Text, ThemeIcon, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import {
  IconAlertOctagon,
  IconCalendarDue,
  IconCash,
  IconFileAlert,
  IconHandStop,
  IconLock,
  IconTruckDelivery,
} from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { Notification } from "../../backend/bindings/Notification";
import type { NotificationKind } from "../../backend/bindings/NotificationKind";
import { call } from "../../backend/call";
import { Note } from "../../components/Note";
import { errorMessage } from "../../errors/apiError";
import { QueryView } from "../reports/QueryView";
import { INBOX, POLL } from "./queries";
import { notificationText, notificationTime } from "./text";

const LOOK: Record<NotificationKind, { icon: React.ReactNode; color: string }> = {
  reshipment_approval: { icon: <IconTruckDelivery size={18} />, color: "blue" },
  payout_approval: { icon: <IconCash size={18} />, color: "grape" },
  rma_escalated: { icon: <IconAlertOctagon size={18} />, color: "orange" },
  lot_held: { icon: <IconLock size={18} />, color: "red" },
  scar_overdue: { icon: <IconFileAlert size={18} />, color: "yellow" },
  expiry_soon: { icon: <IconCalendarDue size={18} />, color: "teal" },
  work_order_blocked: { icon: <IconHandStop size={18} />, color: "red" },
};

/** Everything that asks the signed-in person's attention now; opening one marks it read. */
export function InboxPage() {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const inbox = useQuery({ queryKey: INBOX, queryFn: () => call("list_notifications", {}) });
  const mark = useMutation({
    mutationFn: (input: { ids: string[]; all: boolean }) => call("mark_notifications_read", input),
    onSuccess: (view) => {
      client.setQueryData(INBOX, view);
      void client.invalidateQueries({ queryKey: POLL });
    },
    onError: (err) => notifications.show({ color: "red", message: errorMessage(t, err) }),
  });
  const open = (n: Notification) => {
    if (!n.read) mark.mutate({ ids: [n.id], all: false });
    const no = n.record_no;
    if (n.record_type === "reshipment")
      void navigate({ to: "/reshipments/$reshipmentNo", params: { reshipmentNo: no } });
    else if (n.record_type === "rma")
      void navigate({ to: "/returns/$rmaNo", params: { rmaNo: no } });
    else if (n.record_type === "lot")
      void navigate({ to: "/lots/$lotCode", params: { lotCode: no } });
    else if (n.record_type === "scar")
      void navigate({ to: "/scars/$scarNo", params: { scarNo: no } });
    else if (n.record_type === "work_order")
      void navigate({ to: "/work-orders/$workOrderNo", params: { workOrderNo: no } });
  };
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2} data-testid="page-title">
            {t("notifications.title")}
          </Title>
          <Note>{t("notifications.subtitle")}</Note>
        </div>
        <Group gap="xs">
          <Button
            component={Link}
            to="/settings/notifications"
            variant="subtle"
            size="xs"
            data-testid="notification-settings-link"
          >
            {t("notifications.settings_link")}
          </Button>
          <Button
            variant="default"
            size="xs"
            disabled={!inbox.data || inbox.data.unread === 0}
            loading={mark.isPending}
            onClick={() => mark.mutate({ ids: [], all: true })}
            data-testid="notifications-mark-all"
          >
            {t("notifications.mark_all_read")}
          </Button>
        </Group>
      </Group>
      <QueryView query={inbox}>
        {(data) =>
          data.items.length === 0 ? (
            <Paper withBorder p="xl" radius="md">
              <Text c="dimmed" ta="center" data-testid="notifications-empty">
                {t("notifications.empty")}
              </Text>
            </Paper>
          ) : (
            <Stack gap="xs" data-testid="notifications-list">
              {data.items.map((n) => {
                const { title, body } = notificationText(t, n, i18n.language);
                const look = LOOK[n.kind];
                return (
                  <Paper
                    key={n.id}
                    withBorder
                    p="sm"
                    radius="md"
                    bg={n.read ? undefined : "blue.0"}
                    data-testid="notification-item"
                    data-kind={n.kind}
                    data-record={n.record_no}
                    data-read={n.read}
                  >
                    <Group justify="space-between" wrap="nowrap" align="flex-start">
                      <Group gap="sm" wrap="nowrap" align="flex-start">
                        <ThemeIcon variant="light" color={look.color} size="lg" radius="xl">
                          {look.icon}
                        </ThemeIcon>
                        <div>
                          <Group gap="xs">
                            <Text fw={n.read ? 500 : 700}>{title}</Text>
                            {!n.read && (
                              <Badge size="xs" color="blue">
                                {t("notifications.unread")}
                              </Badge>
                            )}
                          </Group>
                          <Text size="sm">{body}</Text>
                          <Text size="xs" c="dimmed">
                            {notificationTime(n, i18n.language)}
                          </Text>
                        </div>
                      </Group>
                      <Group gap="xs" wrap="nowrap">
                        {!n.read && (
                          <Button
                            variant="subtle"
                            size="xs"
                            onClick={() => mark.mutate({ ids: [n.id], all: false })}
                            data-testid="notification-mark-read"
                          >
                            {t("notifications.mark_read")}
                          </Button>
                        )}
                        <Button
                          size="xs"
                          variant="light"
                          onClick={() => open(n)}
                          data-testid="notification-open"
                        >
                          {t("notifications.open")}
                        </Button>
                      </Group>
                    </Group>
                  </Paper>
                );
              })}
            </Stack>
          )
        }
      </QueryView>
    </Stack>
  );
}
