import { Radio, Stack, Textarea } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Disposition } from "../../../backend/bindings/Disposition";
import type { FailureDetail } from "../../../backend/bindings/FailureDetail";
import { call } from "../../../backend/call";
import { ActionModal, TextStepModal } from "../../../components/actions/ActionModal";
import { useFailureAction } from "../../../components/actions/useRecordAction";
import { DISPOSITIONS } from "../FailureFormPage";
import { CompletionFields, useCompletion } from "./Completion";

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
  const disposition = failure.disposition ?? "rework";
  const completion = useCompletion(
    failure.qty_failed,
    disposition === "rework" ? failure.product_currency : null,
  );
  const { mutation, errors } = useFailureAction(
    (cost_minor: number | null) =>
      call("complete_disposition", {
        failure_no: failure.failure_no,
        ...completion.sent,
        cost_minor,
      }),
    onClose,
  );
  return (
    <ActionModal
      title={t("failure_detail.complete")}
      size="lg"
      onClose={onClose}
      onSubmit={() => completion.submit(mutation.mutate)}
      pending={mutation.isPending}
      submitTestId="complete-submit"
    >
      <CompletionFields
        completion={completion}
        disposition={disposition}
        errors={errors}
        qty={{ label: t("failure_detail.outcome_qty"), max: failure.qty_failed }}
        outcomeTestId="complete-outcome"
        costTestId="complete-rework-cost"
      />
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
