import { SegmentedControl, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ChargebackListRow } from "../../backend/bindings/ChargebackListRow";
import type { FailureChargebackStatus } from "../../backend/bindings/FailureChargebackStatus";
import { TEXT_LIMITS } from "../../backend/bindings/textLimits";
import { call } from "../../backend/call";
import type { Closing } from "../../components/actions/ActionModal";
import { FormModal, useFormSave } from "../../components/FormModal";
import { NoteField } from "../../components/forms/NoteField";
import { fromMinor, readAmount } from "../../money";

/**
 * A failure's chargeback, or one of units sent back from the refurbishment queue, recovered (all
 * or part of it) or written off with the reason.
 */
export function SettleChargebackModal({ row, onClose }: { row: ChargebackListRow } & Closing) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<FailureChargebackStatus>("recovered");
  const [amount, setAmount] = useState(fromMinor(row.amount_minor, row.currency));
  const [note, setNote] = useState("");
  const [bad, setBad] = useState<string | undefined>(undefined);
  const { save, errors } = useFormSave({
    act: async () => {
      let recovered = 0;
      if (status === "recovered") {
        const read = readAmount(t, amount, row.currency);
        setBad(read.ok ? undefined : read.error);
        if (!read.ok) throw new Error(read.error);
        recovered = read.minor;
      }
      if (row.source === "refurbishment") {
        return call("settle_rma_chargeback", {
          rma_no: row.reference,
          claim_no: row.claim_no ?? 0,
          status,
          recovered_minor: recovered,
          note,
        });
      }
      return call("settle_failure_chargeback", {
        failure_no: row.reference,
        source: row.source,
        status,
        recovered_minor: recovered,
        note,
      });
    },
    refresh: ["chargebacks", "failure", "rma"],
    saved: () => t("chargebacks.settle.saved", { reference: row.reference }),
    onClose,
  });
  return (
    <FormModal
      title={t("chargebacks.settle.title", { reference: row.reference })}
      save={save}
      saveTestId="chargeback-settle-save"
      onClose={onClose}
    >
      <SegmentedControl
        value={status}
        onChange={(v) => setStatus(v as FailureChargebackStatus)}
        data={[
          { value: "recovered", label: t("chargebacks.status.recovered") },
          { value: "written_off", label: t("chargebacks.status.written_off") },
        ]}
        data-testid="chargeback-settle-status"
      />
      {status === "recovered" && (
        <TextInput
          label={`${t("chargebacks.field.recovered")} (${row.currency})`}
          description={t("chargebacks.settle.partial")}
          value={amount}
          onChange={(e) => setAmount(e.currentTarget.value)}
          error={errors.recovered_minor ?? bad}
          data-testid="chargeback-settle-amount"
        />
      )}
      <NoteField
        label={t(status === "written_off" ? "chargebacks.settle.reason" : "chargebacks.field.note")}
        withAsterisk={status === "written_off"}
        max={TEXT_LIMITS.note}
        text={[note, setNote]}
        error={errors.note}
        data-testid="chargeback-settle-note"
      />
    </FormModal>
  );
}
