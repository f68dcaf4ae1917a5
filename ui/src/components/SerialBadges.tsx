import { Badge, Group, type MantineSpacing } from "@mantine/core";

/** Serial numbers as a row of badges in a fixed-width font, each coloured by what it is. */
export function SerialBadges({
  serials,
  color,
  title,
  gap,
  keepCase,
  testId,
}: {
  serials: readonly string[];
  color: (serial: string) => string;
  /** Why a serial has its colour, on hover. */
  title?: (serial: string) => string | undefined;
  gap: MantineSpacing | number;
  /** Shows each serial as it was scanned, not in the badge's capitals. */
  keepCase?: boolean;
  testId?: string;
}) {
  return (
    <Group gap={gap}>
      {serials.map((s) => (
        <Badge
          key={s}
          variant="light"
          color={color(s)}
          tt={keepCase ? "none" : undefined}
          ff="monospace"
          title={title?.(s)}
          data-testid={testId}
        >
          {s}
        </Badge>
      ))}
    </Group>
  );
}
