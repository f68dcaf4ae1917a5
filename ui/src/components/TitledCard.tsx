import { Paper, Title } from "@mantine/core";
import type { ReactNode } from "react";

/** A card of a record's page under its small title. */
export function TitledCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={5} mb="xs">
        {title}
      </Title>
      {children}
    </Paper>
  );
}
