import { Button } from "@mantine/core";
import { IconFileSpreadsheet } from "@tabler/icons-react";
import { saveBinaryFile } from "../backend/call";
import { bytesToBase64 } from "../files/base64";
import { useFileSave } from "./useFileSave";

/** Builds an Excel workbook from what is on screen and lets the user pick where to save it. */
export function XlsxButton({
  fileName,
  build,
  label,
  testId,
  disabled,
}: {
  fileName: string;
  build: () => Promise<ArrayBuffer>;
  label: string;
  testId: string;
  disabled?: boolean;
}) {
  const { busy, save } = useFileSave();
  return (
    <Button
      variant="default"
      size="xs"
      leftSection={<IconFileSpreadsheet size={14} />}
      loading={busy}
      disabled={disabled}
      onClick={() =>
        void save(async () => saveBinaryFile(fileName, bytesToBase64(await build()), "xlsx"))
      }
      data-testid={testId}
    >
      {label}
    </Button>
  );
}
