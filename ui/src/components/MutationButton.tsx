import { Button, type ButtonProps } from "@mantine/core";
import type { ReactNode } from "react";

/** A button that runs a step needing no input; it spins while the step runs. */
export function MutationButton({
  mutation,
  testId,
  children,
  ...button
}: ButtonProps & {
  mutation: { mutate: () => void; isPending: boolean };
  testId: string;
  children: ReactNode;
}) {
  return (
    <Button
      {...button}
      loading={mutation.isPending}
      onClick={() => mutation.mutate()}
      data-testid={testId}
    >
      {children}
    </Button>
  );
}
