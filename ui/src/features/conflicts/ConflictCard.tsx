import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import type { TFunction } from "i18next";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ConflictEventView } from "../../backend/bindings/ConflictEventView";
import type { ConflictView } from "../../backend/bindings/ConflictView";
import type { WayOut } from "../../backend/bindings/WayOut";
import { HeadedTable } from "../../components/HeadedTable";
import { Note } from "../../components/Note";
import { formatDateTimeShort } from "../../format";
import { subjectLink } from "./links";
import { ResolveModal } from "./ResolveModal";

function Subject({ conflict }: { conflict: ConflictView }) {
  const link = subjectLink(conflict.kind, conflict.subject);
  if (!link) return <Text ff="monospace">{conflict.subject}</Text>;
  return (
    <Anchor
      component={Link}
      // The subject's route is chosen at run time; the router's types know only literal routes.
      to={link.to as never}
      params={link.params as never}
      search={link.search as never}
      ff="monospace"
      data-testid="conflict-subject"
    >
      {conflict.subject}
    </Anchor>
  );
}

/** What one side did, in the words of a record's history. */
function What({ event }: { event: ConflictEventView }) {
  const { t } = useTranslation();
  const changes = event.changes
    .map((c) => `${t(`failure.field.${c.field}`, { defaultValue: c.field })}: ${c.after ?? "—"}`)
    .join(" · ");
  return (
    <Stack gap={0}>
      <Text size="sm" fw={500}>
        {t(`history.kind.${event.kind}`, { defaultValue: event.kind })}
      </Text>
      {changes && (
        <Text size="xs" c="dimmed">
          {changes}
        </Text>
      )}
      {event.note && (
        <Text size="xs" fs="italic">
          “{event.note}”
        </Text>
      )}
    </Stack>
  );
}

/** This desk, another desk by the code the team gave it, or one not heard of yet by its id. */
function deskName(t: TFunction, event: ConflictEventView): string {
  if (event.this_desk) return t("conflicts.this_desk", { code: event.desk_code ?? "" });
  if (event.desk_code) return t("conflicts.other_desk_code", { code: event.desk_code });
  return t("conflicts.other_desk", { id: event.desk_id.slice(0, 8) });
}

/** One conflict: what happened on each desk, and its ways out or how it was resolved. */
/** The events table's columns, by their i18n key under `conflicts.column`. */
const COLUMNS = ["what", "record", "who", "when", "desk"] as const;

export function ConflictCard({ conflict }: { conflict: ConflictView }) {
  const { t, i18n } = useTranslation();
  const [chosen, setChosen] = useState<WayOut | null>(null);
  const resolved = conflict.resolution;
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      data-testid="conflict-card"
      data-kind={conflict.kind}
      data-state={resolved ? "resolved" : "open"}
    >
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <div>
            <Title order={5}>{t(`sync.conflict.${conflict.kind}.title`)}</Title>
            <Note>{t(`conflicts.explain.${conflict.kind}`)}</Note>
          </div>
          <Badge color={resolved ? "gray" : "orange"} variant="light">
            {resolved ? t("conflicts.state.resolved") : t("conflicts.state.open")}
          </Badge>
        </Group>
        <Group gap="xs">
          <Text size="sm" fw={600}>
            {t(`conflicts.subject.${conflict.kind}`)}:
          </Text>
          <Subject conflict={conflict} />
          <Text size="xs" c="dimmed">
            {t("conflicts.opened", {
              when: formatDateTimeShort(conflict.opened_at, i18n.language),
            })}
          </Text>
        </Group>
        <HeadedTable
          tableProps={{ withTableBorder: true, verticalSpacing: "xs" }}
          data-testid="conflict-events"
          columns={COLUMNS.map((c) => t(`conflicts.column.${c}`))}
          items={conflict.events}
          row={(event) => (
            <Table.Tr key={event.event_id} data-testid="conflict-event">
              <Table.Td>
                <What event={event} />
              </Table.Td>
              <Table.Td ff="monospace">{event.number}</Table.Td>
              <Table.Td>{event.username ?? "—"}</Table.Td>
              <Table.Td>{formatDateTimeShort(event.at, i18n.language)}</Table.Td>
              <Table.Td data-testid="conflict-desk">{deskName(t, event)}</Table.Td>
            </Table.Tr>
          )}
        />
        {resolved ? (
          <Text size="sm" data-testid="conflict-resolution">
            {t("conflicts.resolved_by", {
              way: t(`conflicts.way.${resolved.resolution}.label`),
              who: resolved.resolved_by ?? "—",
              when: formatDateTimeShort(resolved.resolved_at, i18n.language),
            })}
            {resolved.note && <Text span fs="italic">{` “${resolved.note}”`}</Text>}
          </Text>
        ) : conflict.may_resolve ? (
          <Group gap="xs">
            {conflict.ways_out.map((way) => (
              <Button
                key={way.resolution}
                size="xs"
                variant="light"
                onClick={() => setChosen(way)}
                data-testid={`way-${way.resolution}`}
              >
                {t(`conflicts.way.${way.resolution}.label`)}
              </Button>
            ))}
          </Group>
        ) : (
          <Text size="xs" c="dimmed">
            {t("conflicts.not_yours")}
          </Text>
        )}
      </Stack>
      {chosen && <ResolveModal conflict={conflict} way={chosen} onClose={() => setChosen(null)} />}
    </Paper>
  );
}
