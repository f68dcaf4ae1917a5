import { Button } from "@mantine/core";
import { IconCoin, IconFileAlert } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { may, useSession } from "../../../app/session";
import type { ChargebackSource } from "../../../backend/bindings/ChargebackSource";
import type { FailureDetail } from "../../../backend/bindings/FailureDetail";
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
  const [opening, setOpening] = useState(false);
  const [charging, setCharging] = useState(false);
  const sources = chargeable(failure);
  // Those who handle the failure, or the vendor's chargebacks, record what the work cost.
  const records = may(session, "manage_failure") || may(session, "manage_chargeback");
  return (
    <>
      {may(session, "manage_scars") && (
        <Button
          variant="default"
          leftSection={<IconFileAlert size={16} />}
          onClick={() => setOpening(true)}
          data-testid="failure-open-scar"
        >
          {t("scars.open.from_failure")}
        </Button>
      )}
      {records && sources.length > 0 && (
        <Button
          variant="default"
          leftSection={<IconCoin size={16} />}
          onClick={() => setCharging(true)}
          data-testid="failure-record-chargeback"
        >
          {t("chargebacks.record.button")}
        </Button>
      )}
      {opening && (
        <OpenScarModal
          failureNo={failure.failure_no}
          problem={failure.description}
          onClose={() => setOpening(false)}
        />
      )}
      {charging && (
        <RecordChargebackModal
          failureNo={failure.failure_no}
          currency={failure.product_currency ?? ""}
          sources={sources}
          onClose={() => setCharging(false)}
        />
      )}
    </>
  );
}
