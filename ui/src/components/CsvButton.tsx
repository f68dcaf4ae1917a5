import { Button } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconDownload } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { saveTextFile } from "../backend/call";
import { errorMessage } from "../errors/apiError";

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
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    try {
      const path = await saveTextFile(fileName, build());
      if (path) notifications.show({ color: "teal", message: t("common.saved_to", { path }) });
    } catch (err) {
      notifications.show({ color: "red", message: errorMessage(t, err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      variant="default"
      size="xs"
      leftSection={<IconDownload size={14} />}
      loading={busy}
      disabled={disabled}
      onClick={() => void save()}
      data-testid={testId}
    >
      {label}
    </Button>
  );
}
