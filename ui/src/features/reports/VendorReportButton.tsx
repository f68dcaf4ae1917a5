import { useTranslation } from "react-i18next";
import { call } from "../../backend/call";
import { PrintSaveButton } from "../../components/PrintSaveButton";
import type { Period } from "./period";

/** The vendor's defect report (SCAR / 8D) for the period: open it to print, or save it. */
export function VendorReportButton({ vendor, period }: { vendor: string; period: Period }) {
  const { t } = useTranslation();
  return (
    <PrintSaveButton
      // No language: the backend writes it in the vendor's language.
      make={() =>
        call("vendor_report_pdf", { vendor_code: vendor, from: period.from, to: period.to })
      }
      label={t("reports.vendors.print_report")}
      saveLabel={t("reports.vendors.save_report")}
      testId="vendor-report-pdf"
      size="xs"
      data={{ vendor }}
    />
  );
}
