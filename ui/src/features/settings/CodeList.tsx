import { Badge, Center, Loader, Switch, Table } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import type { ComponentProps } from "react";
import { useTranslation } from "react-i18next";
import { useFieldSave } from "../../components/forms/DrawerForm";
import { useDraft } from "../../components/forms/draft";
import { HeadedTable } from "../../components/HeadedTable";
import { keys } from "../../queries/keys";

/**
 * The lists an administrator keeps by code (defect categories, stock locations): a record is
 * never deleted, only set inactive, and its code is kept upper-case.
 */

/** A record opened in the form, or a new one made there. */
export type Editing<T> = { record: T; isNew: boolean };

/** The list's table, once read; a loader until then. */
export function CodeTable<T>({
  pending,
  ...table
}: { pending: boolean } & ComponentProps<typeof HeadedTable<T>>) {
  if (pending) {
    return (
      <Center h={200}>
        <Loader />
      </Center>
    );
  }
  return <HeadedTable {...table} />;
}

/** Whether the record is in use (`${prefix}.active`) or not (`${prefix}.inactive`). */
export function ActiveCell({ active, prefix }: { active: boolean; prefix: string }) {
  const { t } = useTranslation();
  return (
    <Table.Td>
      <Badge variant="light" color={active ? "teal" : "gray"}>
        {t(active ? `${prefix}.active` : `${prefix}.inactive`)}
      </Badge>
    </Table.Td>
  );
}

type CodeRecord = { code: string; active: boolean };

/**
 * Edits `editing.record` of the list `list` in a drawer (`drawer`, for `DrawerForm`): a save
 * refreshes that list, then `onSaved`, then closes.
 */
export function useCodeForm<T extends CodeRecord, R>(
  list: "categories" | "locations",
  { record, isNew }: Editing<T>,
  act: (record: T) => Promise<R>,
  onClose: () => void,
  onSaved?: (saved: R) => void,
) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const { draft, set } = useDraft(record);
  const { save, errors } = useFieldSave(
    () => act({ ...draft, code: draft.code.trim().toUpperCase() }),
    (saved) => {
      void client.invalidateQueries({ queryKey: keys[list] });
      onSaved?.(saved);
      onClose();
    },
  );
  const drawer = {
    title: t(isNew ? `${list}.new` : `${list}.edit`),
    onClose,
    onSubmit: () => save.mutate(),
    pending: save.isPending,
  };
  return { list, isNew, draft, set, errors, drawer };
}

/** The form's last field: whether the record is in use (`${list}.active_hint`). */
export function ActiveSwitch<T extends CodeRecord>({
  form,
}: {
  form: ReturnType<typeof useCodeForm<T, unknown>>;
}) {
  const { t } = useTranslation();
  return (
    <Switch
      label={t(`${form.list}.active_hint`)}
      checked={form.draft.active}
      onChange={(e) => form.set("active", e.currentTarget.checked as T["active"])}
    />
  );
}
