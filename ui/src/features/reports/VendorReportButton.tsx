import { ActionIcon, Button, Group, Tooltip } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconDownload, IconPrinter } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { call, openPdfFile, savePdfFile } from "../../backend/call";
import { errorMessage } from "../../errors/apiError";
import type { Period } from "./period";

/** The vendor's defect report (SCAR / 8D) for the period: open it to print, or save it. */
export function VendorReportButton({ vendor, period }: { vendor: string; period: Period }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<"open" | "save" | null>(null);
  const report = async (destination: "open" | "save") => {
    setBusy(destination);
    try {
      // No language: the backend writes it in the vendor's language.
      const file = await call("vendor_report_pdf", {
        vendor_code: vendor,
        from: period.from,
        to: period.to,
      });
      if (destination === "open") {
        await openPdfFile(file.file_name, file.pdf_base64);
      } else {
        const path = await savePdfFile(file.file_name, file.pdf_base64);
        if (path) notifications.show({ color: "teal", message: t("common.saved_to", { path }) });
      }
    } catch (err) {
      notifications.show({ color: "red", message: errorMessage(t, err) });
    } finally {
      setBusy(null);
    }
  };
  return (
    <Group gap={0} wrap="nowrap" onClick={(e) => e.stopPropagation()}>
      <Button
        variant="default"
        size="xs"
        leftSection={<IconPrinter size={14} />}
        loading={busy === "open"}
        disabled={busy !== null}
        onClick={() => void report("open")}
        data-testid="vendor-report-pdf"
        data-vendor={vendor}
        style={{ borderTopRightRadius: 0, borderBottomRightRadius: 0 }}
      >
        {t("reports.vendors.print_report")}
      </Button>
      <Tooltip label={t("reports.vendors.save_report")}>
        <ActionIcon
          variant="default"
          size={30}
          loading={busy === "save"}
          disabled={busy !== null}
          onClick={() => void report("save")}
          aria-label={t("reports.vendors.save_report")}
          data-testid="vendor-report-pdf-save"
          data-vendor={vendor}
          style={{ borderTopLeftRadius: 0, borderBottomLeftRadius: 0, borderLeftWidth: 0 }}
        >
          <IconDownload size={14} />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}
