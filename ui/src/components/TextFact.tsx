import { Text } from "@mantine/core";
import type { ReactNode } from "react";

/** A fact's label in small capitals, above what it names. */
export function FactLabel({ children }: { children: ReactNode }) {
  return (
    <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
      {children}
    </Text>
  );
}

/** A record's free text (a description, a reason) under its label, its line breaks kept. */
export function TextFact({
  label,
  testId,
  children,
}: {
  label: string;
  testId: string;
  children: ReactNode;
}) {
  return (
    <>
      <FactLabel>{label}</FactLabel>
      <Text size="sm" style={{ whiteSpace: "pre-wrap" }} data-testid={testId}>
        {children}
      </Text>
    </>
  );
}
