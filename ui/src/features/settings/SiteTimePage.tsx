import {
  ActionIcon,
  Alert,
  Button,
  Center,
  Group,
  Loader,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { SiteCalendar } from "../../backend/bindings/SiteCalendar";
import { call } from "../../backend/call";
import { DateField } from "../../components/DateField";
import { HeadedTable } from "../../components/HeadedTable";
import { Note } from "../../components/Note";
import { PageHeader } from "../../components/page/PageHeader";
import { submitWith } from "../../components/submitWith";
import { formatDateInput } from "../../dates";
import { errorMessage, fieldErrors } from "../../errors/apiError";
import { SITE_CALENDAR, useSiteCalendar } from "./useSiteCalendar";

/**
 * The site's time zone and holidays. Every "today" of a rule (return windows, due dates, expiry)
 * is the date on the site's clock, and working-day deadlines skip its holidays. Whether the
 * person may change them comes from the backend with the calendar.
 */
export function SiteTimePage() {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const query = useSiteCalendar();
  const [draft, setDraft] = useState<SiteCalendar | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => {
    if (query.data && draft === null) setDraft(query.data.calendar);
  }, [query.data, draft]);
  const save = useMutation({
    mutationFn: (calendar: SiteCalendar) => call("set_site_calendar", calendar),
    onSuccess: (view) => {
      client.setQueryData(SITE_CALENDAR, view);
      setDraft(view.calendar);
      setErrors({});
      notifications.show({ color: "teal", message: t("site_time.saved") });
    },
    onError: (err) => {
      const fields = fieldErrors(t, err);
      setErrors(fields);
      if (Object.keys(fields).length === 0)
        notifications.show({ color: "red", message: errorMessage(t, err) });
    },
  });
  if (query.isError) return <Alert color="red">{errorMessage(t, query.error)}</Alert>;
  const view = query.data;
  if (!view || !draft)
    return (
      <Center h={200}>
        <Loader />
      </Center>
    );
  const edit = view.may_edit;
  const setHoliday = (i: number, change: Partial<{ date: string; name: string }>) =>
    setDraft((d) =>
      d ? { ...d, holidays: d.holidays.map((h, j) => (j === i ? { ...h, ...change } : h)) } : d,
    );
  return (
    <Stack gap="md" maw={720}>
      <PageHeader title={t("site_time.title")} />
      <Note>
        {t("site_time.intro")} {edit ? "" : t("site_time.admin_only")}
      </Note>
      {!view.confirmed && (
        <Alert color="orange" data-testid="site-time-unconfirmed">
          {t("site_time.unconfirmed", { zone: view.calendar.time_zone })}
        </Alert>
      )}
      <form onSubmit={submitWith(() => save.mutate(draft))}>
        <Stack gap="md">
          <Paper withBorder p="md">
            <Stack gap="sm">
              <Select
                data-testid="site-time-zone"
                label={t("site_time.zone")}
                description={t("site_time.zone_hint", { zone: view.computer_time_zone })}
                data={view.time_zones}
                value={draft.time_zone}
                onChange={(zone) => zone && setDraft({ ...draft, time_zone: zone })}
                searchable
                limit={50}
                nothingFoundMessage={t("site_time.no_zone")}
                allowDeselect={false}
                disabled={!edit}
                error={errors.time_zone}
              />
              <Text size="sm" data-testid="site-time-today">
                {t("site_time.today", { date: formatDateInput(view.today, i18n.language) })}
              </Text>
            </Stack>
          </Paper>
          <Paper withBorder p="md">
            <Stack gap="sm">
              <Group justify="space-between">
                <Title order={4}>{t("site_time.holidays")}</Title>
                {edit && (
                  <Button
                    variant="light"
                    size="xs"
                    leftSection={<IconPlus size={16} />}
                    data-testid="site-time-add-holiday"
                    onClick={() =>
                      setDraft({ ...draft, holidays: [...draft.holidays, { date: "", name: "" }] })
                    }
                  >
                    {t("site_time.add_holiday")}
                  </Button>
                )}
              </Group>
              <Note>{t("site_time.holidays_hint")}</Note>
              {errors.holidays && (
                <Text size="sm" c="red">
                  {errors.holidays}
                </Text>
              )}
              {draft.holidays.length === 0 ? (
                <Text size="sm" data-testid="site-time-no-holidays">
                  {t("site_time.no_holidays")}
                </Text>
              ) : (
                <HeadedTable
                  data-testid="site-time-holidays"
                  columns={[
                    { label: t("site_time.holiday_date"), w: 180 },
                    t("site_time.holiday_name"),
                    { label: "", w: 48 },
                  ]}
                  items={draft.holidays}
                  row={(h, i) => (
                    // Keyed by place: rows have no identity until saved.
                    <Table.Tr key={i} data-testid="site-time-holiday">
                      <Table.Td>
                        <DateField
                          aria-label={t("site_time.holiday_date")}
                          data-testid="site-time-holiday-date"
                          value={h.date}
                          onChange={(date) => setHoliday(i, { date })}
                          error={errors[`holidays.${i}.date`]}
                          disabled={!edit}
                        />
                      </Table.Td>
                      <Table.Td>
                        <TextInput
                          aria-label={t("site_time.holiday_name")}
                          data-testid="site-time-holiday-name"
                          value={h.name}
                          onChange={(e) => {
                            const name = e.currentTarget.value;
                            setHoliday(i, { name });
                          }}
                          error={errors[`holidays.${i}.name`]}
                          disabled={!edit}
                        />
                      </Table.Td>
                      <Table.Td>
                        {edit && (
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            aria-label={t("site_time.remove_holiday")}
                            onClick={() =>
                              setDraft({
                                ...draft,
                                holidays: draft.holidays.filter((_, j) => j !== i),
                              })
                            }
                          >
                            <IconTrash size={16} />
                          </ActionIcon>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  )}
                />
              )}
            </Stack>
          </Paper>
          {edit && (
            <Group>
              <Button type="submit" loading={save.isPending} data-testid="site-time-save">
                {view.confirmed ? t("site_time.save") : t("site_time.confirm_save")}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Stack>
  );
}
