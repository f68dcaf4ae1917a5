import { Button, type ButtonProps } from "@mantine/core";
import type { ReactNode } from "react";

/** A button that runs `mutation` as it is, with no input, and spins while it runs. */
export function MutationButton({
  mutation,
  label,
  icon,
  testId,
  ...button
}: {
  mutation: { mutate: (input: undefined) => void; isPending: boolean };
  label: string;
  icon?: ReactNode;
  testId: string;
  variant?: ButtonProps["variant"];
  color?: ButtonProps["color"];
}) {
  return (
    <Button
      {...button}
      leftSection={icon}
      loading={mutation.isPending}
      onClick={() => mutation.mutate(undefined)}
      data-testid={testId}
    >
      {label}
    </Button>
  );
}
