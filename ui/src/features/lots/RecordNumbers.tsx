import { Group, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { FactLabel } from "../../components/TextFact";

/** Links to records (failures, returns) under their label; a dash when there are none. */
export function RecordNumbers({
  label,
  none,
  gap,
  children,
}: {
  label: string;
  none: boolean;
  gap: "xs" | "sm";
  children: ReactNode;
}) {
  return (
    <Stack gap={4}>
      <FactLabel>{label}</FactLabel>
      {none ? (
        <Text size="sm" c="dimmed">
          —
        </Text>
      ) : (
        <Group gap={gap}>{children}</Group>
      )}
    </Stack>
  );
}
