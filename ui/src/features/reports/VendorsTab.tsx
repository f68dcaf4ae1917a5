import { Stack } from "@mantine/core";
import { IconSettings } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { HeadedTable } from "../../components/HeadedTable";
import { ModalButton } from "../../components/ModalButton";
import { Note } from "../../components/Note";
import { ExportedSection } from "./ExportedSection";
import { scorecardExport } from "./exports";
import type { Period } from "./period";
import { QueryView } from "./QueryView";
import { RecordRatingsButton } from "./RecordRatingsButton";
import { ScorecardRow } from "./ScorecardRow";
import { ScorecardSettingsModal } from "./ScorecardSettingsModal";
import { useMayConfigureReviews, useMayRecordRatings } from "./useAdmin";
import { usePeriodReport } from "./usePeriodReport";

/** Vendor scorecards for the period, worst first, with their defect reports. */
export function VendorsTab({ period }: { period: Period }) {
  const { t } = useTranslation();
  const admin = useMayConfigureReviews();
  const mayRecord = useMayRecordRatings();
  const cards = usePeriodReport("vendor_scorecards", period);
  return (
    <QueryView query={cards}>
      {(data) => (
        <Stack gap="md">
          <ExportedSection
            title={t("reports.vendors.title")}
            note={t("reports.vendors.note", { threshold: data.settings.flag_below })}
            testId="vendor-scorecards"
            actions={
              <>
                {mayRecord && <RecordRatingsButton />}
                {admin && (
                  <ModalButton
                    size="xs"
                    label={t("reports.settings.button")}
                    icon={<IconSettings size={14} />}
                    testId="scorecard-settings"
                  >
                    {(close) => <ScorecardSettingsModal settings={data.settings} onClose={close} />}
                  </ModalButton>
                )}
              </>
            }
            exportAs={{
              name: `vendor_scorecards_${period.from}_${period.to}`,
              build: () => scorecardExport(t, data),
              testId: "export-scorecards",
            }}
          >
            {data.vendors.length === 0 ? (
              <Note>{t("reports.vendors.empty")}</Note>
            ) : (
              <HeadedTable
                tableProps={{ withTableBorder: true, highlightOnHover: true, fz: "sm" }}
                columns={[
                  "",
                  t("reports.col.vendor"),
                  { label: t("reports.vendors.rating"), right: true },
                  { label: t("reports.kpi.trend"), center: true },
                  t("reports.vendors.status"),
                  t("reports.vendors.report"),
                ]}
                items={data.vendors}
                row={(v) => (
                  <ScorecardRow
                    key={v.vendor_code}
                    vendor={v}
                    flagBelow={data.settings.flag_below}
                    period={period}
                    canReview={admin}
                  />
                )}
              />
            )}
          </ExportedSection>
        </Stack>
      )}
    </QueryView>
  );
}
