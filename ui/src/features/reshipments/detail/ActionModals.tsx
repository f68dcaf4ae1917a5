import { NativeSelect, Stack, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Carrier } from "../../../backend/bindings/Carrier";
import type { ChargebackStatus } from "../../../backend/bindings/ChargebackStatus";
import { TEXT_LIMITS } from "../../../backend/bindings/textLimits";
import { call } from "../../../backend/call";
import { ActionModal, TextStepModal } from "../../../components/actions/ActionModal";
import { useReshipmentAction } from "../../../components/actions/useRecordAction";
import { DateField } from "../../../components/DateField";
import { bindFields, useDraft } from "../../../components/forms/draft";
import { NoteField } from "../../../components/forms/NoteField";
import { fromMinor, readAmount } from "../../../money";
import { CarrierSelect } from "../CarrierSelect";
import type { ReshipmentDetail } from "../types";

type Props = { detail: ReshipmentDetail; onClose: () => void };

export function ApproveModal({ detail, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <TextStepModal
      record="reshipment"
      run={(note) => call("approve_reshipment", { reshipment_no: detail.reshipment_no, note })}
      field="note"
      onClose={onClose}
      title={t("reshipment.action.approve")}
      label={t("reshipment.action.note")}
      maxLength={TEXT_LIMITS.reason}
      textTestId="rs-approve-note"
      submitTestId="rs-approve-confirm"
      submitLabel={t("reshipment.action.approve")}
    />
  );
}

/** Reject and cancel both ask only for a reason. */
export function ReasonModal({ detail, onClose, kind }: Props & { kind: "reject" | "cancel" }) {
  const { t } = useTranslation();
  return (
    <TextStepModal
      record="reshipment"
      run={(reason) =>
        call(kind === "reject" ? "reject_reshipment" : "cancel_reshipment", {
          reshipment_no: detail.reshipment_no,
          reason,
        })
      }
      field="reason"
      onClose={onClose}
      title={t(`reshipment.action.${kind}`)}
      label={t("reshipment.field.reason")}
      maxLength={TEXT_LIMITS.reason}
      required
      textTestId={`rs-${kind}-reason`}
      submitTestId={`rs-${kind}-confirm`}
      submitLabel={t(`reshipment.action.${kind}`)}
    />
  );
}

export function AmendModal({ detail, onClose }: Props) {
  const { t } = useTranslation();
  const cost = detail.request.cost;
  const [shipping, setShipping] = useState(fromMinor(cost.shipping_minor, cost.currency));
  const [goods, setGoods] = useState(fromMinor(cost.goods_minor, cost.currency));
  const [reason, setReason] = useState("");
  const [local, setLocal] = useState<Record<string, string>>({});
  const { mutation, errors } = useReshipmentAction(
    (input: { shipping: number; goods: number }) =>
      call("amend_reshipment", {
        reshipment_no: detail.reshipment_no,
        cost: {
          shipping_minor: input.shipping,
          shipping_currency: cost.currency,
          goods_minor: input.goods,
          goods_currency: cost.currency,
        },
        reason,
      }),
    onClose,
  );
  const err = (field: string) => errors[field] ?? local[field];
  return (
    <ActionModal
      title={t("reshipment.action.amend")}
      onClose={onClose}
      onSubmit={() => {
        const s = readAmount(t, shipping, cost.currency);
        const g = readAmount(t, goods, cost.currency);
        const bad: Record<string, string> = {};
        if (!s.ok) bad["cost.shipping_minor"] = s.error;
        if (!g.ok) bad["cost.goods_minor"] = g.error;
        setLocal(bad);
        if (s.ok && g.ok) mutation.mutate({ shipping: s.minor, goods: g.minor });
      }}
      pending={mutation.isPending}
      submitTestId="rs-amend-confirm"
    >
      <Stack gap="sm">
        <TextInput
          label={`${t("reshipment.field.shipping_cost")} (${cost.currency})`}
          value={shipping}
          onChange={(e) => setShipping(e.currentTarget.value)}
          error={err("cost.shipping_minor")}
          data-testid="rs-amend-shipping"
        />
        <TextInput
          label={`${t("reshipment.field.goods_cost")} (${cost.currency})`}
          value={goods}
          onChange={(e) => setGoods(e.currentTarget.value)}
          error={err("cost.goods_minor")}
          data-testid="rs-amend-goods"
        />
        <NoteField
          label={t("reshipment.field.reason")}
          text={[reason, setReason]}
          error={errors.reason}
          required
          data-testid="rs-amend-reason"
        />
      </Stack>
    </ActionModal>
  );
}

export function ShipModal({ detail, onClose }: Props) {
  const { t } = useTranslation();
  const form = useDraft({
    carrier: detail.request.carrier as Carrier,
    service: detail.request.service,
    tracking_no: "",
    shipped_on: "",
  });
  const d = form.draft;
  const { mutation, errors } = useReshipmentAction(
    () =>
      call("ship_reshipment", {
        reshipment_no: detail.reshipment_no,
        carrier: d.carrier,
        service: d.service.trim() === "" ? null : d.service.trim(),
        tracking_no: d.tracking_no.trim(),
        shipped_on: d.shipped_on === "" ? null : d.shipped_on,
      }),
    onClose,
  );
  const f = bindFields(form, errors, (key) => t(`reshipment.field.${key}`));
  return (
    <ActionModal
      title={t("reshipment.action.ship")}
      onClose={onClose}
      mutation={mutation}
      submitTestId="rs-ship-confirm"
      submitLabel={t("reshipment.action.ship")}
    >
      <Stack gap="sm">
        <CarrierSelect {...f.text("carrier")} data-testid="rs-ship-carrier" />
        <TextInput
          {...f.text("service")}
          maxLength={TEXT_LIMITS.label}
          data-testid="rs-ship-service"
        />
        <TextInput {...f.text("tracking_no")} required data-testid="rs-ship-tracking" />
        <DateField
          {...f.value("shipped_on")}
          description={t("reshipment.action.today_if_empty")}
          data-testid="rs-ship-date"
        />
      </Stack>
    </ActionModal>
  );
}

export function DeliverModal({ detail, onClose }: Props) {
  const { t } = useTranslation();
  const form = useDraft({ delivered_on: "" });
  const { mutation, errors } = useReshipmentAction(
    () =>
      call("deliver_reshipment", {
        reshipment_no: detail.reshipment_no,
        delivered_on: form.draft.delivered_on || null,
      }),
    onClose,
  );
  const f = bindFields(form, errors, (key) => t(`reshipment.field.${key}`));
  return (
    <ActionModal
      title={t("reshipment.action.deliver")}
      onClose={onClose}
      mutation={mutation}
      submitTestId="rs-deliver-confirm"
      submitLabel={t("reshipment.action.deliver")}
    >
      <DateField
        {...f.value("delivered_on")}
        description={t("reshipment.action.today_if_empty")}
        data-testid="rs-deliver-date"
      />
    </ActionModal>
  );
}
/**
 * The chargeback moves open → accepted/disputed → recovered; a dispute may also reopen; until it
 * is recovered it may be written off, with the reason in the note.
 */
export const NEXT_CHARGEBACK: Record<ChargebackStatus, ChargebackStatus[]> = {
  open: ["accepted", "disputed", "recovered", "written_off"],
  accepted: ["recovered", "written_off"],
  disputed: ["accepted", "recovered", "open", "written_off"],
  recovered: [],
  written_off: [],
};

export function ChargebackModal({ detail, onClose }: Props) {
  const { t } = useTranslation();
  const cb = detail.chargeback;
  const next = cb ? NEXT_CHARGEBACK[cb.status] : [];
  const [status, setStatus] = useState<ChargebackStatus>(next[0] ?? "open");
  const [recovered, setRecovered] = useState(cb ? fromMinor(cb.amount_minor, cb.currency) : "");
  const [note, setNote] = useState("");
  const [bad, setBad] = useState<string | undefined>(undefined);
  const { mutation, errors } = useReshipmentAction(
    (recoveredMinor: number) =>
      call("update_chargeback", {
        reshipment_no: detail.reshipment_no,
        status,
        recovered_minor: recoveredMinor,
        note,
      }),
    onClose,
  );
  if (!cb) return null;
  return (
    <ActionModal
      title={t("reshipment.chargeback.update")}
      onClose={onClose}
      onSubmit={() => {
        if (status !== "recovered") return mutation.mutate(0);
        const amount = readAmount(t, recovered, cb.currency);
        setBad(amount.ok ? undefined : amount.error);
        if (amount.ok) mutation.mutate(amount.minor);
      }}
      pending={mutation.isPending}
      submitTestId="rs-chargeback-confirm"
    >
      <Stack gap="sm">
        <NativeSelect
          label={t("reshipment.field.status")}
          value={status}
          onChange={(e) => setStatus(e.currentTarget.value as ChargebackStatus)}
          data={next.map((s) => ({ value: s, label: t(`reshipment.chargeback.status.${s}`) }))}
          error={errors.status}
          data-testid="rs-chargeback-status"
        />
        {status === "recovered" && (
          <TextInput
            label={`${t("reshipment.chargeback.recovered")} (${cb.currency})`}
            value={recovered}
            onChange={(e) => setRecovered(e.currentTarget.value)}
            error={errors.recovered_minor ?? bad}
            data-testid="rs-chargeback-recovered"
          />
        )}
        <NoteField label={t("reshipment.action.note")} text={[note, setNote]} error={errors.note} />
      </Stack>
    </ActionModal>
  );
}
