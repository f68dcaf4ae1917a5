import { Stack, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Carrier } from "../../../backend/bindings/Carrier";
import { TEXT_LIMITS } from "../../../backend/bindings/textLimits";
import { call } from "../../../backend/call";
import { ActionModal, TextStepModal } from "../../../components/actions/ActionModal";
import { useRmaAction } from "../../../components/actions/useRecordAction";
import { bindFields, useDraft } from "../../../components/forms/draft";
import { useReturnPolicy } from "../../../queries/lists";
import { CarrierSelect } from "../../reshipments/CarrierSelect";
import { CARRIERS } from "../../reshipments/types";
import type { RmaDetail } from "../types";

type Props = { detail: RmaDetail; onClose: () => void };

const ACT = { approve: "approve_rma", reject: "reject_rma", suspend: "suspend_rma" } as const;

/** Approve, reject and suspend (ask for information) are the analyst's decisions, with a comment. */
export function DecisionModal({ detail, onClose, kind }: Props & { kind: keyof typeof ACT }) {
  const { t } = useTranslation();
  return (
    <TextStepModal
      record="rma"
      run={(comment) => call(ACT[kind], { rma_no: detail.rma_no, comment })}
      field="comment"
      onClose={onClose}
      title={t(`returns.action.${kind}`)}
      label={t("returns.action.comment")}
      description={t(`returns.action.comment_hint_${kind}`)}
      maxLength={TEXT_LIMITS.reason}
      required={kind !== "approve"}
      textTestId={`rma-${kind}-comment`}
      submitTestId={`rma-${kind}-submit`}
      submitLabel={t(`returns.action.${kind}`)}
      submitColor={kind === "reject" ? "red" : undefined}
    />
  );
}

export function CancelModal({ detail, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <TextStepModal
      record="rma"
      run={(reason) => call("cancel_rma", { rma_no: detail.rma_no, reason })}
      field="reason"
      onClose={onClose}
      title={t("returns.action.cancel")}
      label={t("returns.action.cancel_reason")}
      maxLength={TEXT_LIMITS.reason}
      required
      textTestId="rma-cancel-reason"
      submitTestId="rma-cancel-submit"
      submitLabel={t("returns.action.cancel")}
      submitColor="red"
    />
  );
}

/** A note for the team, on a return in any state; it is told in the return's history. */
export function NoteModal({ detail, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <TextStepModal
      record="rma"
      run={(note) => call("add_rma_note", { rma_no: detail.rma_no, note })}
      field="note"
      onClose={onClose}
      title={t("returns.action.add_note")}
      label={t("returns.action.note")}
      description={t("returns.action.note_hint")}
      maxLength={TEXT_LIMITS.note}
      minRows={3}
      required
      textTestId="rma-note-text"
      submitTestId="rma-note-submit"
      submitLabel={t("returns.action.add_note")}
    />
  );
}

export function InTransitModal({ detail, onClose }: Props) {
  const { t } = useTranslation();
  // The label named the returns policy's carrier: the parcel most likely travels with it.
  const policy = useReturnPolicy();
  const form = useDraft({ carrier: "" as Carrier | "", tracking_no: "" });
  const carrier: Carrier =
    form.draft.carrier || (policy.data?.label_carrier ?? CARRIERS[0] ?? "dhl");
  const tracking_no = form.draft.tracking_no.trim();
  const { mutation, errors } = useRmaAction(
    () => call("rma_in_transit", { rma_no: detail.rma_no, carrier, tracking_no }),
    onClose,
    (f) => f === "carrier" || f === "tracking_no",
  );
  const f = bindFields(form, errors, (key) => t(`returns.field.${key}`));
  return (
    <ActionModal
      title={t("returns.action.in_transit")}
      onClose={onClose}
      mutation={mutation}
      submitTestId="rma-in-transit-submit"
      submitLabel={t("returns.action.in_transit")}
    >
      <Stack gap="sm">
        <CarrierSelect {...f.text("carrier")} value={carrier} data-testid="rma-transit-carrier" />
        <TextInput {...f.text("tracking_no")} required data-testid="rma-transit-tracking" />
      </Stack>
    </ActionModal>
  );
}
