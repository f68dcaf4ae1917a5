import { Button } from "@mantine/core";
import type { ReactNode } from "react";
import { savePdfFile, saveTextFile } from "../backend/call";
import { useFileSave } from "./useFileSave";

/** What every export button takes, whatever the format it writes. */
export type ExportButtonProps = { label: string; testId: string; disabled?: boolean };

/** A file an act made: a CSV or a PDF, with the name it suggests. */
export type MadeFile = { file_name: string } & ({ csv: string } | { pdf_base64: string });

/** Saves a file an act made through the host's save dialog; the path, or null if cancelled. */
export function saveMade(file: MadeFile): Promise<string | null> {
  return "csv" in file
    ? saveTextFile(file.file_name, file.csv)
    : savePdfFile(file.file_name, file.pdf_base64);
}

/**
 * An export button: `write` saves through the host's file dialog (see useFileSave). Small in a
 * toolbar of tables; `size="sm"` beside a page's title.
 */
export function FileSaveButton({
  icon,
  write,
  label,
  testId,
  disabled,
  size = "xs",
  savedKey,
}: ExportButtonProps & {
  icon: ReactNode;
  write: () => Promise<string | null>;
  size?: "xs" | "sm";
  /** The notice once saved, with `{{path}}`; "Saved to …" when not given. */
  savedKey?: string;
}) {
  const { busy, save } = useFileSave(savedKey);
  return (
    <Button
      variant="default"
      size={size}
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
