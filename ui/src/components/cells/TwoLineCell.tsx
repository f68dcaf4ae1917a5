import { Table, Text } from "@mantine/core";
import type { ReactNode } from "react";

/** A list's cell of a name (or a time) with what qualifies it dimmed under it: a code, who did it. */
export function TwoLineCell({ main, sub }: { main: ReactNode; sub?: ReactNode }) {
  return (
    <Table.Td>
      <Text size="sm">{main}</Text>
      {sub && (
        <Text size="xs" c="dimmed">
          {sub}
        </Text>
      )}
    </Table.Td>
  );
}
