import { Radio, Stack, Textarea } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Disposition } from "../../../backend/bindings/Disposition";
import type { FailureDetail } from "../../../backend/bindings/FailureDetail";
import { call } from "../../../backend/call";
import { ActionModal, TextStepModal } from "../../../components/actions/ActionModal";
import { useFailureAction } from "../../../components/actions/useRecordAction";
import { DISPOSITIONS } from "../FailureFormPage";
import { CompletionModal } from "./Completion";

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
  return (
    <CompletionModal
      title={t("failure_detail.complete")}
      disposition={failure.disposition ?? "rework"}
      qty={{ label: t("failure_detail.outcome_qty"), max: failure.qty_failed }}
      productCurrency={failure.product_currency}
      send={(completed, cost_minor) =>
        call("complete_disposition", { failure_no: failure.failure_no, ...completed, cost_minor })
      }
      onClose={onClose}
      submitTestId="complete-submit"
      outcomeTestId="complete-outcome"
      costTestId="complete-rework-cost"
    />
  );
}

export function ApproveDeviationModal({ failure, onClose }: Props) {
  return (
    <ApprovalModal
      run={(note) => call("approve_deviation", { failure_no: failure.failure_no, note })}
      onClose={onClose}
      testId="approve"
    />
  );
}

/** A lead approves a deviation, of the whole failure or of one line: a note says why. */
export function ApprovalModal({
  run,
  onClose,
  testId,
}: {
  run: (note: string) => Promise<FailureDetail>;
  onClose: () => void;
  /** `<testId>-note` on the note, `<testId>-submit` on the button. */
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <TextStepModal
      record="failure"
      run={run}
      field="note"
      onClose={onClose}
      title={t("failure_detail.approve_deviation")}
      size="lg"
      intro={t("failure_detail.approve_explain")}
      label={t("failure_detail.approval_note")}
      required
      minRows={3}
      textTestId={`${testId}-note`}
      submitTestId={`${testId}-submit`}
    />
  );
}
