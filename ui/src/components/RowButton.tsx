import { Button, type ButtonProps } from "@mantine/core";

/** A step on one row of a table (restore this backup, revoke this desk): quiet beside the data. */
export function RowButton({
  label,
  onClick,
  testId,
  color,
}: {
  label: string;
  onClick: () => void;
  testId: string;
  color?: ButtonProps["color"];
}) {
  return (
    <Button variant="subtle" size="compact-sm" color={color} onClick={onClick} data-testid={testId}>
      {label}
    </Button>
  );
}
