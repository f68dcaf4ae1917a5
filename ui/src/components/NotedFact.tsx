import { Text } from "@mantine/core";
import type { ReactNode } from "react";
import { Fact } from "./Fact";

/**
 * A fact with a small dimmed line under its value (a code, a date, who did it); no line when
 * `note` is empty.
 */
export function NotedFact({
  label,
  testId,
  note,
  noteTestId,
  children,
}: {
  label: string;
  testId?: string;
  note?: ReactNode;
  noteTestId?: string;
  children: ReactNode;
}) {
  return (
    <Fact label={label} testId={testId}>
      {children}
      {note ? (
        <Text size="xs" c="dimmed" data-testid={noteTestId}>
          {note}
        </Text>
      ) : null}
    </Fact>
  );
}
