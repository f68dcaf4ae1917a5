import { Button, type ButtonProps } from "@mantine/core";
import { type ReactNode, useState } from "react";

/**
 * A button that opens a modal, and the modal. The modal is mounted only while open, so each
 * opening starts from a fresh form; `close` is what the modal calls when it is done or dismissed.
 */
export function ModalButton({
  label,
  icon,
  testId,
  variant = "default",
  children,
  ...button
}: {
  label: string;
  icon?: ReactNode;
  testId: string;
  size?: ButtonProps["size"];
  variant?: ButtonProps["variant"];
  color?: ButtonProps["color"];
  disabled?: boolean;
  /** Says why the button is disabled, on hover. */
  title?: string;
  children: (close: () => void) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        {...button}
        variant={variant}
        leftSection={icon}
        onClick={() => setOpen(true)}
        data-testid={testId}
      >
        {label}
      </Button>
      {open && children(() => setOpen(false))}
    </>
  );
}
