import { SegmentedControl, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ChargebackSource } from "../../backend/bindings/ChargebackSource";
import { TEXT_LIMITS } from "../../backend/bindings/textLimits";
import { call } from "../../backend/call";
import type { Closing } from "../../components/actions/ActionModal";
import { stepTexts } from "../../components/actions/stepTexts";
import { FormModal, useFormSave } from "../../components/FormModal";
import { NoteField } from "../../components/forms/NoteField";
import { readAmount } from "../../money";

/**
 * What a re-inspection or a return to the vendor cost, charged back to the failure's vendor. The
 * amount is in the product's currency, which the backend picks; `currency` only labels the field.
 */
export function RecordChargebackModal({
  failureNo,
  currency,
  sources,
  onClose,
}: { failureNo: string; currency: string; sources: ChargebackSource[] } & Closing) {
  const { t } = useTranslation();
  const [source, setSource] = useState<ChargebackSource>(sources[0] ?? "reinspection");
  const [amount, setAmount] = useState("");
  const [note, setNote] = useState("");
  const [bad, setBad] = useState<string | undefined>(undefined);
  const { save, errors } = useFormSave({
    act: async () => {
      const read = readAmount(t, amount, currency);
      setBad(read.ok ? undefined : read.error);
      if (!read.ok) throw new Error(read.error);
      return call("record_failure_chargeback", {
        failure_no: failureNo,
        source,
        amount_minor: read.minor,
        note,
      });
    },
    refresh: ["chargebacks", "failure"],
    saved: () => t("chargebacks.record.saved", { failure: failureNo }),
    onClose,
  });
  return (
    <FormModal
      {...stepTexts(t, "chargebacks.record", { failure: failureNo })}
      save={save}
      saveTestId="chargeback-record-save"
      onClose={onClose}
    >
      {sources.length > 1 && (
        <SegmentedControl
          value={source}
          onChange={(v) => setSource(v as ChargebackSource)}
          data={sources.map((s) => ({ value: s, label: t(`chargebacks.source.${s}`) }))}
        />
      )}
      <TextInput
        label={`${t("chargebacks.field.amount")} (${currency})`}
        value={amount}
        onChange={(e) => setAmount(e.currentTarget.value)}
        error={errors.amount_minor ?? errors.source ?? bad}
        data-testid="chargeback-record-amount"
      />
      <NoteField
        label={t("chargebacks.field.note")}
        max={TEXT_LIMITS.note}
        text={[note, setNote]}
        error={errors.note}
      />
    </FormModal>
  );
}
