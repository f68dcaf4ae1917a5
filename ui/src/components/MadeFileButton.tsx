import type { ReactNode } from "react";
import { type ExportButtonProps, FileSaveButton, type MadeFile, saveMade } from "./FileSaveButton";

/**
 * A page's export button whose file an act makes (a CSV, a PDF): it is saved where the user
 * picks.
 */
export function MadeFileButton({
  make,
  ...button
}: ExportButtonProps & {
  icon: ReactNode;
  make: () => Promise<MadeFile>;
  /** The notice once saved, with `{{path}}`; "Saved to …" when not given. */
  savedKey?: string;
}) {
  return <FileSaveButton size="sm" {...button} write={() => make().then(saveMade)} />;
}
