import { Button } from "@mantine/core";
import { IconDownload } from "@tabler/icons-react";
import { saveTextFile } from "../backend/call";
import { useFileSave } from "./useFileSave";

/** Builds a CSV from what is on screen and lets the user pick where to save it. */
export function CsvButton({
  fileName,
  build,
  label,
  testId,
  disabled,
}: {
  fileName: string;
  build: () => string;
  label: string;
  testId: string;
  disabled?: boolean;
}) {
  const { busy, save } = useFileSave();
  return (
    <Button
      variant="default"
      size="xs"
      leftSection={<IconDownload size={14} />}
      loading={busy}
      disabled={disabled}
      onClick={() => void save(() => saveTextFile(fileName, build()))}
      data-testid={testId}
    >
      {label}
    </Button>
  );
}
