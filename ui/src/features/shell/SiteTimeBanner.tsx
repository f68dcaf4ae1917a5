import { Alert, Button, Group, Text } from "@mantine/core";
import { IconClockExclamation } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { call } from "../../backend/call";
import { SITE_CALENDAR, useSiteCalendar } from "../settings/useSiteCalendar";

/**
 * A desk upgraded from before site zones reads the computer's zone; until an administrator
 * confirms it (or chooses another) every page says so to those who may.
 */
export function SiteTimeBanner() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const query = useSiteCalendar();
  const confirm = useMutation({
    mutationFn: () => {
      const calendar = query.data?.calendar;
      return call("set_site_calendar", {
        time_zone: calendar?.time_zone ?? "",
        holidays: calendar?.holidays ?? [],
      });
    },
    onSuccess: (view) => client.setQueryData(SITE_CALENDAR, view),
  });
  const view = query.data;
  if (!view || view.confirmed || !view.may_edit) return null;
  return (
    <Alert
      color="orange"
      mb="md"
      icon={<IconClockExclamation size={18} />}
      data-testid="site-time-banner"
    >
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Text size="sm">{t("site_time.banner", { zone: view.calendar.time_zone })}</Text>
        <Group gap="xs">
          <Button
            size="xs"
            loading={confirm.isPending}
            onClick={() => confirm.mutate()}
            data-testid="site-time-banner-confirm"
          >
            {t("site_time.banner_confirm", { zone: view.calendar.time_zone })}
          </Button>
          <Button size="xs" variant="light" component={Link} to="/settings/time">
            {t("site_time.banner_choose")}
          </Button>
        </Group>
      </Group>
    </Alert>
  );
}
