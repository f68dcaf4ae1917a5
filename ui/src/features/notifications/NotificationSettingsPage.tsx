import { Button, Checkbox, Group, Paper, Stack, Switch } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { NotificationKind } from "../../backend/bindings/NotificationKind";
import type { NotificationPreferences } from "../../backend/bindings/NotificationPreferences";
import { call } from "../../backend/call";
import { Note } from "../../components/Note";
import { PageHeader } from "../../components/page/PageHeader";
import { errorMessage } from "../../errors/apiError";
import { QueryView } from "../reports/QueryView";
import { PREFERENCES } from "./queries";

/**
 * Which kinds of notification the signed-in person gets, and whether the operating system shows
 * new ones while the app is in the background. Saved in the log: every desk of theirs follows it.
 */
export function NotificationSettingsPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const settings = useQuery({
    queryKey: PREFERENCES,
    queryFn: () => call("get_notification_preferences", {}),
  });
  const [draft, setDraft] = useState<NotificationPreferences | null>(null);
  useEffect(() => {
    if (settings.data && draft === null) setDraft(settings.data.preferences);
  }, [settings.data, draft]);
  const save = useMutation({
    mutationFn: (preferences: NotificationPreferences) =>
      call("set_notification_preferences", preferences),
    onSuccess: (view) => {
      client.setQueryData(PREFERENCES, view);
      setDraft(view.preferences);
      void client.invalidateQueries({ queryKey: ["notifications"] });
      notifications.show({ color: "teal", message: t("notifications.settings.saved") });
    },
    onError: (err) => notifications.show({ color: "red", message: errorMessage(t, err) }),
  });
  const toggle = (kind: NotificationKind, wanted: boolean) =>
    setDraft((d) =>
      d
        ? {
            ...d,
            muted: wanted ? d.muted.filter((k) => k !== kind) : [...d.muted, kind],
          }
        : d,
    );
  return (
    <Stack gap="md" maw={720}>
      <PageHeader
        title={t("notifications.settings.title")}
        subtitle={t("notifications.settings.subtitle")}
      />
      <QueryView query={settings}>
        {(data) => (
          <Paper withBorder p="md" radius="md">
            <Stack gap="sm">
              {data.kinds.map((kind) => (
                <Checkbox
                  key={kind}
                  label={t(`notifications.kind.${kind}.title`)}
                  description={t(`notifications.kind.${kind}.about`)}
                  checked={draft ? !draft.muted.includes(kind) : false}
                  onChange={(e) => toggle(kind, e.currentTarget.checked)}
                  data-testid={`notification-kind-${kind}`}
                />
              ))}
              {data.kinds.length === 0 && <Note>{t("notifications.settings.none")}</Note>}
              <Switch
                mt="sm"
                label={t("notifications.settings.system")}
                description={t("notifications.settings.system_about")}
                checked={draft?.system ?? true}
                onChange={(e) => {
                  const system = e.currentTarget.checked;
                  setDraft((d) => (d ? { ...d, system } : d));
                }}
                data-testid="notification-system"
              />
              <Group justify="flex-end">
                <Button
                  onClick={() => draft && save.mutate(draft)}
                  loading={save.isPending}
                  disabled={!draft}
                  data-testid="notification-settings-save"
                >
                  {t("notifications.settings.save")}
                </Button>
              </Group>
            </Stack>
          </Paper>
        )}
      </QueryView>
    </Stack>
  );
}
