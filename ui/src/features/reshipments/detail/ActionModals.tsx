import { NativeSelect, Stack, TextInput } from "@mantine/core";
import { type ReactNode, useState } from "react";
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
import { orNull } from "../../../components/forms/typed";
import { fromMinor, readAmount } from "../../../money";
import { CarrierSelect } from "../CarrierSelect";
import { COSTS, type Cost } from "../requestForm";
import type { ReshipmentDetail } from "../types";

type Props = { detail: ReshipmentDetail; onClose: () => void };

/** The steps that ask for one text: the field it is sent as, its label, and whether it is needed. */
const TEXT_STEPS = {
  approve: { field: "note", label: "reshipment.action.note", required: false },
  reject: { field: "reason", label: "reshipment.field.reason", required: true },
  cancel: { field: "reason", label: "reshipment.field.reason", required: true },
} as const;

/** Approving takes an optional note; rejecting and cancelling ask for a reason. */
export function TextModal({ detail, onClose, kind }: Props & { kind: keyof typeof TEXT_STEPS }) {
  const { t } = useTranslation();
  const { field, label, required } = TEXT_STEPS[kind];
  const reshipment_no = detail.reshipment_no;
  return (
    <TextStepModal
      record="reshipment"
      run={(text) =>
        kind === "approve"
          ? call("approve_reshipment", { reshipment_no, note: text })
          : call(`${kind}_reshipment`, { reshipment_no, reason: text })
      }
      field={field}
      onClose={onClose}
      title={t(`reshipment.action.${kind}`)}
      label={t(label)}
      maxLength={TEXT_LIMITS.reason}
      required={required}
      textTestId={`rs-${kind}-${field}`}
      submitTestId={`rs-${kind}-confirm`}
      submitLabel={t(`reshipment.action.${kind}`)}
    />
  );
}

/** A step's fields, bound to a draft that `reshipment.field.*` names, and the act that sends it. */
function useFieldStep<T extends object>(
  initial: T,
  send: (draft: T) => Promise<ReshipmentDetail>,
  onClose: () => void,
) {
  const { t } = useTranslation();
  const form = useDraft(initial);
  const { mutation, errors } = useReshipmentAction(() => send(form.draft), onClose);
  return { mutation, fields: bindFields(form, errors, (key) => t(`reshipment.field.${key}`)) };
}

/** A step with fields of its own: its title and submit button say the step. */
function FieldStepModal({
  step,
  onClose,
  mutation,
  children,
}: {
  step: "ship" | "deliver";
  onClose: () => void;
  mutation: { mutate: (input: undefined) => void; isPending: boolean };
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <ActionModal
      title={t(`reshipment.action.${step}`)}
      onClose={onClose}
      mutation={mutation}
      submitTestId={`rs-${step}-confirm`}
      submitLabel={t(`reshipment.action.${step}`)}
    >
      {children}
    </ActionModal>
  );
}

export function AmendModal({ detail, onClose }: Props) {
  const { t } = useTranslation();
  const cost = detail.request.cost;
  const [amounts, setAmounts] = useState<Record<Cost, string>>({
    shipping: fromMinor(cost.shipping_minor, cost.currency),
    goods: fromMinor(cost.goods_minor, cost.currency),
  });
  const [reason, setReason] = useState("");
  const [local, setLocal] = useState<Record<string, string>>({});
  const { mutation, errors } = useReshipmentAction(
    (input: Record<Cost, number>) =>
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
        const minor: Partial<Record<Cost, number>> = {};
        const bad: Record<string, string> = {};
        for (const c of COSTS) {
          const read = readAmount(t, amounts[c], cost.currency);
          if (read.ok) minor[c] = read.minor;
          else bad[`cost.${c}_minor`] = read.error;
        }
        setLocal(bad);
        if (minor.shipping !== undefined && minor.goods !== undefined)
          mutation.mutate({ shipping: minor.shipping, goods: minor.goods });
      }}
      pending={mutation.isPending}
      submitTestId="rs-amend-confirm"
    >
      <Stack gap="sm">
        {COSTS.map((c) => (
          <TextInput
            key={c}
            label={`${t(`reshipment.field.${c}_cost`)} (${cost.currency})`}
            value={amounts[c]}
            onChange={(e) => {
              // Read now: React clears the event's target before a state updater runs.
              const typed = e.currentTarget.value;
              setAmounts((a) => ({ ...a, [c]: typed }));
            }}
            error={err(`cost.${c}_minor`)}
            data-testid={`rs-amend-${c}`}
          />
        ))}
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
  const { mutation, fields } = useFieldStep(
    {
      carrier: detail.request.carrier as Carrier,
      service: detail.request.service,
      tracking_no: "",
      shipped_on: "",
    },
    (d) =>
      call("ship_reshipment", {
        reshipment_no: detail.reshipment_no,
        carrier: d.carrier,
        service: orNull(d.service),
        tracking_no: d.tracking_no.trim(),
        shipped_on: d.shipped_on === "" ? null : d.shipped_on,
      }),
    onClose,
  );
  return (
    <FieldStepModal step="ship" onClose={onClose} mutation={mutation}>
      <Stack gap="sm">
        <CarrierSelect {...fields.text("carrier")} data-testid="rs-ship-carrier" />
        <TextInput
          {...fields.text("service")}
          maxLength={TEXT_LIMITS.label}
          data-testid="rs-ship-service"
        />
        <TextInput {...fields.text("tracking_no")} required data-testid="rs-ship-tracking" />
        <DateField
          {...fields.value("shipped_on")}
          description={t("reshipment.action.today_if_empty")}
          data-testid="rs-ship-date"
        />
      </Stack>
    </FieldStepModal>
  );
}

export function DeliverModal({ detail, onClose }: Props) {
  const { t } = useTranslation();
  const { mutation, fields } = useFieldStep(
    { delivered_on: "" },
    (d) =>
      call("deliver_reshipment", {
        reshipment_no: detail.reshipment_no,
        delivered_on: d.delivered_on || null,
      }),
    onClose,
  );
  return (
    <FieldStepModal step="deliver" onClose={onClose} mutation={mutation}>
      <DateField
        {...fields.value("delivered_on")}
        description={t("reshipment.action.today_if_empty")}
        data-testid="rs-deliver-date"
      />
    </FieldStepModal>
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
