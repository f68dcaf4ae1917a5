import { Button, Group, Stack, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconPlus, IconSearch } from "@tabler/icons-react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Entity } from "../../backend/bindings/Entity";
import type { Page } from "../../backend/bindings/Page";
import { Note } from "../../components/Note";
import { PageHeader } from "../../components/page/PageHeader";
import { usePagedRows } from "../../components/pagedRows";
import { type Column, VirtualTable } from "../../components/VirtualTable";
import { errorMessage } from "../../errors/apiError";
import { ExportButton } from "./ExportButton";
import { ImportButton } from "./ImportButton";

type Props<T> = {
  entity: Exclude<Entity, "failures">;
  list: (query: { text: string | null; offset: number; limit: number }) => Promise<Page<T>>;
  columns: Column<T>[];
  rowKey: (row: T) => string;
  /** The edit form for a row, or for a new record when `row` is null. */
  form: (row: T | null, close: () => void) => React.ReactNode;
  /** A record to open once found, when a link names it; the list stays as it is. */
  opened?: T | null;
  /** The filter a link asks for (a search hit): the list opens filtered to it. */
  filter?: string;
  /** More filters beside the search box; `filterKey` is what they filter by, for the cache. */
  filters?: React.ReactNode;
  filterKey?: string;
};

/** A searchable, virtualised list of one kind of master data, with CSV import and export. */
export function MasterPage<T>({
  entity,
  list,
  columns,
  rowKey,
  form,
  opened,
  filter,
  filters,
  filterKey,
}: Props<T>) {
  const { t } = useTranslation();
  const [text, setText] = useState(filter ?? "");
  useEffect(() => {
    if (filter !== undefined) setText(filter);
  }, [filter]);
  const [debounced] = useDebouncedValue(text.trim(), 250);
  const [editing, setEditing] = useState<{ row: T | null } | null>(null);
  useEffect(() => {
    if (opened) setEditing({ row: opened });
  }, [opened]);
  const query = usePagedRows({
    queryKey: [entity, debounced, filterKey ?? ""],
    fetchPage: (offset, limit) => list({ text: debounced || null, offset, limit }),
  });
  const total = query.total;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Stack gap={0}>
          <PageHeader title={t(`masterdata.${entity}.title`)} />
          <Note>{t(`masterdata.${entity}.count`, { count: total })}</Note>
        </Stack>
        <Group gap="xs">
          <ImportButton entity={entity} />
          <ExportButton entity={entity} />
          <Button
            leftSection={<IconPlus size={16} />}
            onClick={() => setEditing({ row: null })}
            data-testid={`${entity}-new`}
          >
            {t(`masterdata.${entity}.new`)}
          </Button>
        </Group>
      </Group>
      <Group gap="sm" align="flex-end">
        <TextInput
          leftSection={<IconSearch size={14} />}
          placeholder={t(`masterdata.${entity}.search`)}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          w={360}
          data-testid={`${entity}-search`}
        />
        {filters}
      </Group>
      {query.error ? <Text c="red">{errorMessage(t, query.error)}</Text> : null}
      <VirtualTable
        label={t(`masterdata.${entity}.title`)}
        paged={query}
        columns={columns}
        onRowClick={(row) => setEditing({ row })}
        rowProps={(row) => ({ "data-testid": `${entity}-row`, "data-key": rowKey(row) })}
        empty={
          <Text c="dimmed">
            {t(debounced || filterKey ? "masterdata.nothing_found" : `masterdata.${entity}.empty`)}
          </Text>
        }
        height="calc(100vh - 260px)"
      />
      {editing && form(editing.row, () => setEditing(null))}
    </Stack>
  );
}
