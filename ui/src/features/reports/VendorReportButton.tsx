import { Group, NativeSelect } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Language } from "../../backend/bindings/Language";
import { PrintSaveButton } from "../../components/PrintSaveButton";
import type { Period } from "./period";

const LANGUAGES: Language[] = ["en", "zh-CN", "nl"];
/** Sends no language, so the backend writes in the vendor's own. */
const VENDORS = "vendor";

const isLanguage = (value: string): value is Language => (LANGUAGES as string[]).includes(value);

/** The vendor's defect report (SCAR / 8D) for the period: open it to print, or save it. */
export function VendorReportButton({ vendor, period }: { vendor: string; period: Period }) {
  const { t } = useTranslation();
  const [language, setLanguage] = useState<Language | null>(null);
  return (
    <Group gap={4} wrap="nowrap">
      <PrintSaveButton
        make={{
          act: "vendor_report_pdf",
          input: {
            vendor_code: vendor,
            from: period.from,
            to: period.to,
            ...(language ? { language } : {}),
          },
        }}
        label={t("reports.vendors.print_report")}
        saveLabel={t("reports.vendors.save_report")}
        testId="vendor-report-pdf"
        size="xs"
        data={{ vendor }}
      />
      <NativeSelect
        size="xs"
        w={200}
        aria-label={t("reports.vendors.report_language.label")}
        value={language ?? VENDORS}
        onChange={(e) => {
          const value = e.currentTarget.value;
          setLanguage(isLanguage(value) ? value : null);
        }}
        data={[
          { value: VENDORS, label: t("reports.vendors.report_language.vendor") },
          ...LANGUAGES.map((code) => ({
            value: code,
            label: t(`reports.vendors.report_language.${code}`),
          })),
        ]}
        data-testid="vendor-report-language"
        data-vendor={vendor}
      />
    </Group>
  );
}
