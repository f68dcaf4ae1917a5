import { Button } from "@mantine/core";
import type { ReactNode } from "react";
import { useFileSave } from "./useFileSave";

/** What every export button takes, whatever the format it writes. */
export type ExportButtonProps = { label: string; testId: string; disabled?: boolean };

/** An export button: `write` saves through the host's file dialog (see useFileSave). */
export function FileSaveButton({
  icon,
  write,
  label,
  testId,
  disabled,
}: ExportButtonProps & { icon: ReactNode; write: () => Promise<string | null> }) {
  const { busy, save } = useFileSave();
  return (
    <Button
      variant="default"
      size="xs"
      leftSection={icon}
      loading={busy}
      disabled={disabled}
      onClick={() => void save(write)}
      data-testid={testId}
    >
      {label}
    </Button>
  );
}
