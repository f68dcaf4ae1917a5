import { NumberInput, Stack, Text, Textarea, TextInput } from "@mantine/core";
import type { ReactNode } from "react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Disposition } from "../../../backend/bindings/Disposition";
import type { FailureDetail } from "../../../backend/bindings/FailureDetail";
import { ActionModal } from "../../../components/actions/ActionModal";
import { useFailureAction } from "../../../components/actions/useRecordAction";
import { readAmount } from "../../../money";

/**
 * What completing a disposition (the whole failure's or one line's) asks: the outcome, how many
 * units it covers, a note and, for rework, its cost. The cost is kept as typed, in the product's
 * currency, and sent in its minor units, and only for rework (the review books it); a product
 * gone from the master data has no currency to book it in.
 */
function useCompletion(
  qtyAtFirst: number,
  disposition: Disposition,
  productCurrency: string | null,
) {
  const { t } = useTranslation();
  const currency = disposition === "rework" ? productCurrency : null;
  const [outcome, setOutcome] = useState("");
  const [qty, setQty] = useState<number | string>(qtyAtFirst);
  const [note, setNote] = useState("");
  const [cost, setCost] = useState("");
  const [costError, setCostError] = useState<string | undefined>(undefined);
  /** Sends with the cost in minor units once it reads as an amount; null when none is asked. */
  const submit = (send: (costMinor: number | null) => void) => {
    if (!currency || cost.trim() === "") return send(null);
    const read = readAmount(t, cost, currency);
    setCostError(read.ok ? undefined : read.error);
    if (read.ok) send(read.minor);
  };
  const fields = { outcome, setOutcome, qty, setQty, note, setNote, cost, setCost, costError };
  return {
    fields,
    currency,
    submit,
    /** What the act takes besides the cost. */
    sent: { outcome, qty: typeof qty === "number" ? qty : null, note },
  };
}

/** What a completion sends besides the cost: the outcome, the units it covers and a note. */
export type Completed = ReturnType<typeof useCompletion>["sent"];

/**
 * Completing a disposition (the whole failure's or one line's) in a modal: `send` runs the step
 * with what was typed; `children` are the fields this disposition asks besides, given the step's
 * field errors.
 */
export function CompletionModal({
  title,
  disposition,
  qty,
  productCurrency,
  send,
  onClose,
  submitTestId,
  outcomeTestId,
  costTestId,
  children,
}: {
  title: string;
  disposition: Disposition;
  qty: { label: string; description?: string; max: number; testId?: string };
  /** The product's currency, in which rework is booked. */
  productCurrency: string | null;
  send: (completed: Completed, costMinor: number | null) => Promise<FailureDetail>;
  onClose: () => void;
  submitTestId: string;
  outcomeTestId: string;
  costTestId: string;
  /** What this disposition asks besides (how scrap was destroyed). */
  children?: (errors: Record<string, string>) => ReactNode;
}) {
  const { t } = useTranslation();
  const completion = useCompletion(qty.max, disposition, productCurrency);
  const { mutation, errors } = useFailureAction(
    (costMinor: number | null) => send(completion.sent, costMinor),
    onClose,
  );
  const { fields: f, currency } = completion;
  return (
    <ActionModal
      title={title}
      size="lg"
      onClose={onClose}
      onSubmit={() => completion.submit(mutation.mutate)}
      pending={mutation.isPending}
      submitTestId={submitTestId}
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t(`failure_detail.next.${disposition}`)}
        </Text>
        <TextInput
          label={t("failure_detail.outcome_label")}
          placeholder={t(`failure_detail.outcome_hint.${disposition}`)}
          value={f.outcome}
          onChange={(e) => f.setOutcome(e.currentTarget.value)}
          error={errors.outcome}
          required
          data-testid={outcomeTestId}
        />
        <NumberInput
          label={qty.label}
          description={qty.description}
          min={0}
          max={qty.max}
          value={f.qty}
          onChange={f.setQty}
          error={errors.qty}
          data-testid={qty.testId}
        />
        {children?.(errors)}
        {currency && (
          <TextInput
            label={`${t("failure_detail.rework_cost")} (${currency})`}
            description={t("failure_detail.rework_cost_hint")}
            inputMode="decimal"
            value={f.cost}
            onChange={(e) => f.setCost(e.currentTarget.value)}
            error={errors.cost_minor ?? f.costError}
            data-testid={costTestId}
          />
        )}
        <Textarea
          label={t("failure_detail.note")}
          value={f.note}
          onChange={(e) => f.setNote(e.currentTarget.value)}
          error={errors.note}
          autosize
          minRows={2}
        />
      </Stack>
    </ActionModal>
  );
}
