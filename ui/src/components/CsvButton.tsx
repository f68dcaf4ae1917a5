import { IconDownload } from "@tabler/icons-react";
import { saveTextFile } from "../backend/call";
import { type ExportButtonProps, FileSaveButton } from "./FileSaveButton";

/** Builds a CSV from what is on screen and lets the user pick where to save it. */
export function CsvButton({
  fileName,
  build,
  ...button
}: ExportButtonProps & { fileName: string; build: () => string }) {
  return (
    <FileSaveButton
      {...button}
      icon={<IconDownload size={14} />}
      write={() => saveTextFile(fileName, build())}
    />
  );
}
