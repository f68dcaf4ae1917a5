import { Anchor } from "@mantine/core";
import type { ReactNode } from "react";

/** A figure that opens the records behind it; plain text when there are none to open. */
export function CountLink({
  onOpen,
  children,
  testId,
  disabled,
}: {
  onOpen: () => void;
  children: ReactNode;
  testId?: string;
  disabled?: boolean;
}) {
  if (disabled) return <span data-testid={testId}>{children}</span>;
  return (
    <Anchor component="button" type="button" size="sm" onClick={onOpen} data-testid={testId}>
      {children}
    </Anchor>
  );
}
