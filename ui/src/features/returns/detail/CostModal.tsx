import { Stack, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSession } from "../../../app/session";
import { call } from "../../../backend/call";
import { ActionModal } from "../../../components/actions/ActionModal";
import { useRmaAction } from "../../../components/actions/useRecordAction";
import { readAmount } from "../../../money";
import type { RmaDetail } from "../types";

/**
 * What handling the return actually cost (a carrier's invoice, a courier), in the
 * installation's currency: the cost per return counts it instead of the policy's standard cost.
 */
export function CostModal({ detail, onClose }: { detail: RmaDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const currency = session.settings.currency;
  const [amount, setAmount] = useState("");
  const [note, setNote] = useState("");
  const [local, setLocal] = useState<string | null>(null);
  const { mutation, errors } = useRmaAction(
    (amount_minor: number) =>
      call("record_rma_cost", { rma_no: detail.rma_no, amount_minor, note }),
    onClose,
    (f) => f === "amount_minor" || f === "note",
  );
  return (
    <ActionModal
      title={t("returns.cost.title")}
      onClose={onClose}
      onSubmit={() => {
        const read = readAmount(t, amount, currency);
        if (!read.ok) setLocal(read.error);
        else {
          setLocal(null);
          mutation.mutate(read.minor);
        }
      }}
      pending={mutation.isPending}
      submitLabel={t("returns.action.record_cost")}
      submitTestId="rma-cost-submit"
    >
      <Stack gap="sm">
        <TextInput
          label={t("returns.cost.amount", { currency })}
          description={t("returns.cost.amount_hint")}
          inputMode="decimal"
          value={amount}
          onChange={(e) => setAmount(e.currentTarget.value)}
          error={errors.amount_minor ?? local}
          data-testid="rma-cost-amount"
        />
        <TextInput
          label={t("returns.cost.note")}
          placeholder={t("returns.cost.note_hint")}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={errors.note}
          data-testid="rma-cost-note"
        />
      </Stack>
    </ActionModal>
  );
}
