import { IconCoin, IconFileAlert } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { may, useSession } from "../../../app/session";
import type { ChargebackSource } from "../../../backend/bindings/ChargebackSource";
import type { FailureDetail } from "../../../backend/bindings/FailureDetail";
import { ModalButton } from "../../../components/ModalButton";
import { RecordChargebackModal } from "../../chargebacks/RecordChargebackModal";
import { OpenScarModal } from "../../scars/OpenScarModal";

/** The work whose cost the vendor bears: a re-inspection, a return to the vendor. */
function chargeable(failure: FailureDetail): ChargebackSource[] {
  const sources: ChargebackSource[] = [];
  if (failure.disposition === "reinspect" || failure.reinspections.length > 0)
    sources.push("reinspection");
  if (failure.disposition === "return_to_vendor") sources.push("return_to_vendor");
  return sources;
}

/** What the vendor is asked for about this failure: a SCAR, and what its re-work cost us. */
export function VendorActions({ failure }: { failure: FailureDetail }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const sources = chargeable(failure);
  // Those who handle the failure, or the vendor's chargebacks, record what the work cost.
  const records = may(session, "manage_failure") || may(session, "manage_chargeback");
  return (
    <>
      {may(session, "manage_scars") && (
        <ModalButton
          label={t("scars.open.from_failure")}
          icon={<IconFileAlert size={16} />}
          testId="failure-open-scar"
        >
          {(close) => (
            <OpenScarModal
              failureNo={failure.failure_no}
              problem={failure.description}
              onClose={close}
            />
          )}
        </ModalButton>
      )}
      {records && sources.length > 0 && (
        <ModalButton
          label={t("chargebacks.record.button")}
          icon={<IconCoin size={16} />}
          testId="failure-record-chargeback"
        >
          {(close) => (
            <RecordChargebackModal
              failureNo={failure.failure_no}
              currency={failure.product_currency ?? ""}
              sources={sources}
              onClose={close}
            />
          )}
        </ModalButton>
      )}
    </>
  );
}
