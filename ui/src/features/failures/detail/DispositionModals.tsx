import { NumberInput, Radio, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Disposition } from "../../../backend/bindings/Disposition";
import type { FailureDetail } from "../../../backend/bindings/FailureDetail";
import { call } from "../../../backend/call";
import { ActionModal, TextStepModal } from "../../../components/actions/ActionModal";
import { useFailureAction } from "../../../components/actions/useRecordAction";
import { readAmount } from "../../../money";
import { DISPOSITIONS } from "../FailureFormPage";

type Props = { failure: FailureDetail; onClose: () => void };

export function SetDispositionModal({ failure, onClose }: Props) {
  const { t } = useTranslation();
  const [disposition, setDisposition] = useState<Disposition | null>(failure.disposition);
  const [note, setNote] = useState("");
  const { mutation, errors } = useFailureAction(
    (d: Disposition) =>
      call("set_disposition", { failure_no: failure.failure_no, disposition: d, note }),
    onClose,
  );
  return (
    <ActionModal
      title={t("failure_detail.set_disposition")}
      size="lg"
      onClose={onClose}
      onSubmit={() => {
        if (disposition) mutation.mutate(disposition);
      }}
      pending={mutation.isPending}
      submitTestId="disposition-submit"
    >
      <Radio.Group
        value={disposition}
        onChange={(v) => setDisposition(v as Disposition)}
        error={errors.disposition}
      >
        <Stack gap="xs">
          {DISPOSITIONS.map((d) => (
            <Radio
              key={d}
              value={d}
              label={t(`failure.disposition.${d}`)}
              description={t(`failure_detail.next.${d}`)}
              data-testid={`disposition-${d}`}
            />
          ))}
        </Stack>
      </Radio.Group>
      <Textarea
        mt="md"
        label={t("failure_detail.note")}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        error={errors.note}
        autosize
        minRows={2}
      />
    </ActionModal>
  );
}

export function CompleteModal({ failure, onClose }: Props) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState("");
  const [qty, setQty] = useState<number | string>(failure.qty_failed);
  const [note, setNote] = useState("");
  // As typed, in the product's currency; sent in its minor units, and only for rework (the
  // review books it). A product gone from the master data has no currency to book it in.
  const [cost, setCost] = useState("");
  const [costError, setCostError] = useState<string | undefined>(undefined);
  const disposition = failure.disposition ?? "rework";
  const currency = disposition === "rework" ? failure.product_currency : null;
  const { mutation, errors } = useFailureAction(
    (cost_minor: number | null) =>
      call("complete_disposition", {
        failure_no: failure.failure_no,
        outcome,
        qty: typeof qty === "number" ? qty : null,
        note,
        cost_minor,
      }),
    onClose,
  );
  return (
    <ActionModal
      title={t("failure_detail.complete")}
      size="lg"
      onClose={onClose}
      onSubmit={() => {
        if (!currency || cost.trim() === "") return mutation.mutate(null);
        const read = readAmount(t, cost, currency);
        setCostError(read.ok ? undefined : read.error);
        if (read.ok) mutation.mutate(read.minor);
      }}
      pending={mutation.isPending}
      submitTestId="complete-submit"
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t(`failure_detail.next.${disposition}`)}
        </Text>
        <TextInput
          label={t("failure_detail.outcome_label")}
          placeholder={t(`failure_detail.outcome_hint.${disposition}`)}
          value={outcome}
          onChange={(e) => setOutcome(e.currentTarget.value)}
          error={errors.outcome}
          required
          data-testid="complete-outcome"
        />
        <NumberInput
          label={t("failure_detail.outcome_qty")}
          min={0}
          max={failure.qty_failed}
          value={qty}
          onChange={setQty}
          error={errors.qty}
        />
        {currency && (
          <TextInput
            label={`${t("failure_detail.rework_cost")} (${currency})`}
            description={t("failure_detail.rework_cost_hint")}
            inputMode="decimal"
            value={cost}
            onChange={(e) => setCost(e.currentTarget.value)}
            error={errors.cost_minor ?? costError}
            data-testid="complete-rework-cost"
          />
        )}
        <Textarea
          label={t("failure_detail.note")}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={errors.note}
          autosize
          minRows={2}
        />
      </Stack>
    </ActionModal>
  );
}

export function ApproveDeviationModal({ failure, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <TextStepModal
      record="failure"
      run={(note) => call("approve_deviation", { failure_no: failure.failure_no, note })}
      field="note"
      onClose={onClose}
      title={t("failure_detail.approve_deviation")}
      size="lg"
      intro={t("failure_detail.approve_explain")}
      label={t("failure_detail.approval_note")}
      required
      minRows={3}
      textTestId="approve-note"
      submitTestId="approve-submit"
    />
  );
}
