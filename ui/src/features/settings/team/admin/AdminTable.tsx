import { Stack, Title } from "@mantine/core";
import type { ComponentProps } from "react";
import { useTranslation } from "react-i18next";
import { HeadedTable } from "../../../../components/HeadedTable";
import { Note } from "../../../../components/Note";
import { formatDateTimeShort } from "../../../../format";

/** One of the team administrator's tables: its title, a note on it, then its rows. */
export function AdminTable<T>({
  title,
  intro,
  ...table
}: { title: string; intro?: string } & Omit<ComponentProps<typeof HeadedTable<T>>, "tableProps">) {
  return (
    <Stack gap="xs">
      <Title order={5}>{title}</Title>
      {intro && <Note>{intro}</Note>}
      <HeadedTable
        tableProps={{ striped: true, withTableBorder: true, verticalSpacing: "xs" }}
        {...table}
      />
    </Stack>
  );
}

/** A time the server last saw something (a sign-in, a desk's contact), or "never". */
export function useLastSeen(): (value: string | null) => string {
  const { t, i18n } = useTranslation();
  return (value) => (value ? formatDateTimeShort(value, i18n.language) : t("sync.admin.never"));
}
