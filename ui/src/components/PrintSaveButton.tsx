import { ActionIcon, Button, Group, Tooltip } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconDownload, IconPrinter } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { makePdf, type PdfRequest, printPdf, savePdfFile } from "../backend/call";
import { errorMessage } from "../errors/apiError";

/**
 * A PDF the backend makes (a label, a report): the button opens it in the system's viewer to
 * print, the icon beside it saves it. `testId` and `${testId}-save` name the two.
 */
export function PrintSaveButton({
  make,
  label,
  saveLabel,
  testId,
  size = "sm",
  data = {},
}: {
  make: PdfRequest;
  label: string;
  saveLabel: string;
  testId: string;
  size?: "xs" | "sm";
  /** Extra `data-*` attributes for both controls (which row they belong to). */
  data?: Record<string, string>;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<"open" | "save" | null>(null);
  const run = async (destination: "open" | "save") => {
    setBusy(destination);
    try {
      if (destination === "open") {
        await printPdf(make);
      } else {
        const file = await makePdf(make);
        const path = await savePdfFile(file.file_name, file.pdf_base64);
        if (path) notifications.show({ color: "teal", message: t("common.saved_to", { path }) });
      }
    } catch (err) {
      notifications.show({ color: "red", message: errorMessage(t, err) });
    } finally {
      setBusy(null);
    }
  };
  const attributes = Object.fromEntries(Object.entries(data).map(([k, v]) => [`data-${k}`, v]));
  return (
    // Inside a clickable table row, the buttons act alone.
    <Group gap={0} wrap="nowrap" onClick={(e) => e.stopPropagation()}>
      <Button
        variant="default"
        size={size}
        leftSection={<IconPrinter size={size === "xs" ? 14 : 16} />}
        loading={busy === "open"}
        disabled={busy !== null}
        onClick={() => void run("open")}
        data-testid={testId}
        {...attributes}
        style={{ borderTopRightRadius: 0, borderBottomRightRadius: 0 }}
      >
        {label}
      </Button>
      <Tooltip label={saveLabel}>
        <ActionIcon
          variant="default"
          size={size === "xs" ? 30 : 36}
          loading={busy === "save"}
          disabled={busy !== null}
          onClick={() => void run("save")}
          aria-label={saveLabel}
          data-testid={`${testId}-save`}
          {...attributes}
          style={{ borderTopLeftRadius: 0, borderBottomLeftRadius: 0, borderLeftWidth: 0 }}
        >
          <IconDownload size={size === "xs" ? 14 : 16} />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}
