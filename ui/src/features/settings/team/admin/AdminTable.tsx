import { Stack, Title } from "@mantine/core";
import type { ComponentProps } from "react";
import { HeadedTable } from "../../../../components/HeadedTable";
import { Note } from "../../../../components/Note";

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
