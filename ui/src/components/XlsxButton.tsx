import { IconFileSpreadsheet } from "@tabler/icons-react";
import { saveBinaryFile } from "../backend/call";
import { bytesToBase64 } from "../files/base64";
import { type ExportButtonProps, FileSaveButton } from "./FileSaveButton";

/** Builds an Excel workbook from what is on screen and lets the user pick where to save it. */
export function XlsxButton({
  fileName,
  build,
  ...button
}: ExportButtonProps & { fileName: string; build: () => Promise<ArrayBuffer> }) {
  return (
    <FileSaveButton
      {...button}
      icon={<IconFileSpreadsheet size={14} />}
      write={async () => saveBinaryFile(fileName, bytesToBase64(await build()), "xlsx")}
    />
  );
}
