import { Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { TEXT_LIMITS } from "../../backend/bindings/textLimits";
import type { VendorScorecardView } from "../../backend/bindings/VendorScorecardView";
import { call } from "../../backend/call";
import { FormModal, useFormSave } from "../../components/FormModal";
import { NoteField } from "../../components/forms/NoteField";
import { formatDay } from "../lots/dates";

/** Records what was agreed with a flagged vendor; the backend lifts a block on its receipts. */
export function VendorReviewModal({
  vendor,
  onClose,
}: {
  vendor: VendorScorecardView;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [note, setNote] = useState("");
  const code = vendor.vendor_code;
  const { save, errors } = useFormSave({
    act: () => call("review_vendor", { vendor_code: code, note }),
    refresh: ["vendor_scorecards"],
    saved: (reply) => {
      // The rating may have been recorded below the threshold again since the review was saved.
      if (reply.receipts_blocked_since) {
        return {
          color: "yellow",
          message: t("reports.vendor_review.still_blocked", {
            vendor: code,
            date: formatDay(reply.receipts_blocked_since, i18n.language),
          }),
        };
      }
      return vendor.receipts_blocked_since
        ? t("reports.vendor_review.unblocked", { vendor: code })
        : t("reports.vendor_review.saved", { vendor: code });
    },
    onClose,
  });
  return (
    <FormModal
      title={t("reports.vendor_review.title", {
        vendor: vendor.vendor_name ? `${code} ${vendor.vendor_name}` : code,
      })}
      intro={
        vendor.receipts_blocked_since
          ? t("reports.vendor_review.intro_blocked", {
              date: formatDay(vendor.receipts_blocked_since, i18n.language),
            })
          : t("reports.vendor_review.intro")
      }
      save={save}
      saveTestId="vendor-review-save"
      onClose={onClose}
    >
      {/* No input edits the vendor, so an error the backend puts on it would otherwise go unseen. */}
      {errors.vendor_code && (
        <Text size="sm" c="red" data-testid="vendor-review-vendor-error">
          {errors.vendor_code}
        </Text>
      )}
      <NoteField
        label={t("reports.vendor_review.note")}
        max={TEXT_LIMITS.note}
        description={t("reports.vendor_review.note_hint")}
        text={[note, setNote]}
        error={errors.note}
        autosize
        minRows={3}
        required
        data-autofocus
        data-testid="vendor-review-note"
      />
    </FormModal>
  );
}
