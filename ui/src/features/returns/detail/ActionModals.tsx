import {
  Alert,
  Button,
  Group,
  NativeSelect,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { AttachmentView } from "../../../backend/bindings/AttachmentView";
import type { Carrier } from "../../../backend/bindings/Carrier";
import type { LineDisposition } from "../../../backend/bindings/LineDisposition";
import type { Settlement } from "../../../backend/bindings/Settlement";
import { TEXT_LIMITS } from "../../../backend/bindings/textLimits";
import { call } from "../../../backend/call";
import { ActionModal, TextStepModal } from "../../../components/actions/ActionModal";
import { useRmaAction } from "../../../components/actions/useRecordAction";
import { TableHead } from "../../../components/TableHead";
import { formatMoney, moneyParams, toMinor } from "../../../money";
import { useReturnPolicy } from "../../../queries/lists";
import { CARRIERS } from "../../reshipments/types";
import { PhotoUpload } from "../PhotoUpload";
import {
  type Answer,
  type DispositionRow,
  INTAKE_UNANSWERED,
  type IntakeChecks,
  type IntakeForm,
  inspectDefaults,
  placeDispositionField,
  type SettleForm,
  settleDefaults,
  toDispositions,
  toIntakeChecks,
  toSettlement,
} from "../stepForms";
import {
  type ConditionGrade,
  DISPOSITIONS,
  GRADES,
  OUTCOMES,
  type PreferredOutcome,
  type ReturnDisposition,
  type RmaDetail,
  TO_STOCK,
} from "../types";

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

export function InTransitModal({ detail, onClose }: Props) {
  const { t } = useTranslation();
  // The label named the returns policy's carrier: the parcel most likely travels with it.
  const policy = useReturnPolicy();
  const [chosen, setCarrier] = useState<Carrier | null>(null);
  const carrier: Carrier = chosen ?? policy.data?.label_carrier ?? CARRIERS[0] ?? "dhl";
  const [tracking, setTracking] = useState("");
  const { mutation, errors } = useRmaAction(
    () => call("rma_in_transit", { rma_no: detail.rma_no, carrier, tracking_no: tracking.trim() }),
    onClose,
    (f) => f === "carrier" || f === "tracking_no",
  );
  return (
    <ActionModal
      title={t("returns.action.in_transit")}
      onClose={onClose}
      onSubmit={() => mutation.mutate(undefined)}
      pending={mutation.isPending}
      submitTestId="rma-in-transit-submit"
      submitLabel={t("returns.action.in_transit")}
    >
      <Stack gap="sm">
        <NativeSelect
          label={t("returns.field.carrier")}
          value={carrier}
          onChange={(e) => setCarrier(e.currentTarget.value as Carrier)}
          data={CARRIERS.map((c) => ({ value: c, label: t(`reshipment.carrier.${c}`) }))}
          error={errors.carrier}
          data-testid="rma-transit-carrier"
        />
        <TextInput
          label={t("returns.field.tracking_no")}
          value={tracking}
          onChange={(e) => setTracking(e.currentTarget.value)}
          error={errors.tracking_no}
          required
          data-testid="rma-transit-tracking"
        />
      </Stack>
    </ActionModal>
  );
}

export function ReceiveModal({ detail, onClose }: Props) {
  const { t } = useTranslation();
  const lines = detail.opening.lines;
  const [qty, setQty] = useState<string[]>(lines.map((l) => String(l.qty)));
  const [intake, setIntake] = useState<IntakeForm>(INTAKE_UNANSWERED);
  const [unanswered, setUnanswered] = useState<Record<string, string>>({});
  const [photos, setPhotos] = useState<AttachmentView[]>([]);
  const [note, setNote] = useState("");
  const [bad, setBad] = useState<number[]>([]);
  const { mutation, errors } = useRmaAction(
    ({ qtyReceived, checks }: { qtyReceived: number[]; checks: IntakeChecks }) =>
      call("receive_rma", {
        rma_no: detail.rma_no,
        qty_received: qtyReceived,
        // One grade for every line; the backend takes a grade per line when one is given.
        intake: {
          ...checks,
          line_grades: [],
          photo_ids: photos.map((p) => p.id),
          note: note.trim(),
        },
      }),
    onClose,
    (f) => f.startsWith("qty_received") || f === "note",
  );
  return (
    <ActionModal
      title={t("returns.action.receive")}
      size="lg"
      onClose={onClose}
      onSubmit={() => {
        const parsed = qty.map((q) => (/^\d+$/.test(q.trim()) ? Number(q.trim()) : null));
        const wrong = parsed.flatMap((q, i) => (q === null ? [i] : []));
        setBad(wrong);
        const answered = toIntakeChecks(intake);
        setUnanswered("errors" in answered ? answered.errors : {});
        if (wrong.length === 0 && "checks" in answered)
          mutation.mutate({ qtyReceived: parsed.map((q) => q ?? 0), checks: answered.checks });
      }}
      pending={mutation.isPending}
      submitTestId="rma-receive-submit"
      submitLabel={t("returns.action.receive")}
    >
      <Stack gap="sm">
        <Table data-testid="rma-receive-lines">
          <TableHead
            columns={[
              t("returns.field.sku"),
              { label: t("returns.field.qty"), right: true },
              t("returns.field.received"),
            ]}
          />
          <Table.Tbody>
            {lines.map((line, i) => (
              <Table.Tr key={`${line.order_no}-${line.line_no}`}>
                <Table.Td>{line.sku}</Table.Td>
                <Table.Td ta="right">{line.qty}</Table.Td>
                <Table.Td>
                  <TextInput
                    w={90}
                    inputMode="numeric"
                    value={qty[i] ?? ""}
                    onChange={(e) => {
                      const value = e.currentTarget.value;
                      setQty((q) => q.map((x, j) => (j === i ? value : x)));
                    }}
                    error={
                      errors[`qty_received[${i}]`] ??
                      (bad.includes(i) ? t("returns.form.bad_qty") : undefined)
                    }
                    aria-label={t("returns.field.received")}
                    data-testid={`rma-receive-qty-${i}`}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {errors.qty_received && (
          <Text c="red" size="sm">
            {errors.qty_received}
          </Text>
        )}
        <Group grow align="flex-start">
          {(
            [
              ["packaging", "returns.intake.packaging_intact", "rma-receive-packaging"],
              ["accessories", "returns.intake.accessories_complete", "rma-receive-accessories"],
              ["serials", "returns.intake.serials_match", "rma-receive-serials"],
            ] as const
          ).map(([key, label, testId]) => (
            <NativeSelect
              key={key}
              label={t(label)}
              value={intake[key]}
              onChange={(e) => {
                // Read now: React clears the event's target before a state updater runs.
                const answer = e.currentTarget.value as Answer;
                setIntake((f) => ({ ...f, [key]: answer }));
              }}
              data={[
                { value: "", label: t("returns.form.choose_option"), disabled: true },
                { value: "yes", label: t("returns.form.yes") },
                { value: "no", label: t("returns.form.no") },
              ]}
              error={unanswered[key] ? t(unanswered[key]) : undefined}
              // An asterisk, not the browser's own check: the message is ours, in the user's language.
              withAsterisk
              data-testid={testId}
            />
          ))}
        </Group>
        <NativeSelect
          label={t("returns.intake.grade")}
          value={intake.grade}
          onChange={(e) => {
            const grade = e.currentTarget.value as ConditionGrade;
            setIntake((f) => ({ ...f, grade }));
          }}
          data={[
            { value: "", label: t("returns.form.choose_option"), disabled: true },
            ...GRADES.map((g) => ({ value: g, label: t(`returns.grade.${g}`) })),
          ]}
          error={unanswered.grade ? t(unanswered.grade) : undefined}
          withAsterisk
          data-testid="rma-receive-grade"
        />
        <Textarea
          label={t("returns.field.note")}
          maxLength={TEXT_LIMITS.reason}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={errors.note}
          data-testid="rma-receive-note"
        />
        <PhotoUpload photos={photos} onChange={setPhotos} />
      </Stack>
    </ActionModal>
  );
}

/** Whether the row's units go back into stock, so it needs a location. */
const toStock = (row: DispositionRow) => row.disposition !== "" && TO_STOCK.has(row.disposition);

/** The test id suffix of a disposition row: the line index, then `-k` for a line's extra rows. */
function rowIds(rows: DispositionRow[]): string[] {
  const seen = new Map<number, number>();
  return rows.map((r) => {
    const n = seen.get(r.lineIndex) ?? 0;
    seen.set(r.lineIndex, n + 1);
    return n === 0 ? String(r.lineIndex) : `${r.lineIndex}-${n}`;
  });
}

export function InspectModal({ detail, onClose }: Props) {
  const { t } = useTranslation();
  const lines = detail.opening.lines;
  const [rows, setRows] = useState<DispositionRow[]>(() => inspectDefaults(detail.qty_received));
  const [local, setLocal] = useState<Record<string, string>>({});
  const { mutation, errors } = useRmaAction(
    (dispositions: LineDisposition[]) =>
      call("inspect_rma", { rma_no: detail.rma_no, dispositions }),
    onClose,
    (f) => placeDispositionField(f) !== null,
  );
  const placed: Record<string, string> = {};
  for (const [field, message] of Object.entries(errors)) {
    const at = placeDispositionField(field);
    if (at) placed[at] = message;
  }
  const err = (key: string) =>
    placed[key] ?? (local[key] ? t(local[key], moneyParams(detail.currency)) : undefined);
  const setRow = (i: number, patch: Partial<DispositionRow>) =>
    setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const ids = rowIds(rows);
  return (
    <ActionModal
      title={t("returns.action.inspect")}
      size="xl"
      onClose={onClose}
      onSubmit={() => {
        const out = toDispositions(rows, detail.currency);
        if ("errors" in out) setLocal(out.errors);
        else {
          setLocal({});
          mutation.mutate(out.dispositions);
        }
      }}
      pending={mutation.isPending}
      submitTestId="rma-inspect-submit"
      submitLabel={t("returns.action.inspect")}
    >
      <Table data-testid="rma-inspect-rows">
        <TableHead
          columns={[
            t("returns.field.sku"),
            t("returns.field.disposition"),
            t("returns.field.qty"),
            t("returns.field.recovered", { currency: detail.currency }),
            t("returns.field.location"),
            "",
          ]}
        />
        <Table.Tbody>
          {rows.map((row, i) => {
            const line = lines[row.lineIndex];
            const id = ids[i] ?? String(i);
            return (
              <Table.Tr key={id}>
                <Table.Td>
                  {line?.sku}
                  <Text size="xs" c="dimmed">
                    {t("returns.inspect.received", {
                      qty: detail.qty_received[row.lineIndex] ?? 0,
                    })}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <NativeSelect
                    value={row.disposition}
                    onChange={(e) =>
                      setRow(i, { disposition: e.currentTarget.value as ReturnDisposition })
                    }
                    data={[
                      { value: "", label: t("returns.form.choose_option"), disabled: true },
                      ...DISPOSITIONS.map((d) => ({
                        value: d,
                        label: t(`returns.disposition.${d}`),
                      })),
                    ]}
                    error={err(`row.${i}.disposition`)}
                    aria-label={t("returns.field.disposition")}
                    data-testid={`rma-inspect-disposition-${id}`}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    w={70}
                    inputMode="numeric"
                    value={row.qty}
                    onChange={(e) => setRow(i, { qty: e.currentTarget.value })}
                    error={err(`row.${i}.qty`)}
                    aria-label={t("returns.field.qty")}
                    data-testid={`rma-inspect-qty-${id}`}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    w={100}
                    inputMode="decimal"
                    value={row.recovered}
                    onChange={(e) => setRow(i, { recovered: e.currentTarget.value })}
                    error={err(`row.${i}.recovered`)}
                    aria-label={t("returns.field.recovered", { currency: detail.currency })}
                    data-testid={`rma-inspect-recovered-${id}`}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    w={130}
                    disabled={!toStock(row)}
                    // A location off the administrator's list is refused by name on save.
                    value={toStock(row) ? row.location : ""}
                    onChange={(e) => setRow(i, { location: e.currentTarget.value })}
                    error={err(`row.${i}.location`)}
                    aria-label={t("returns.field.location")}
                    data-testid={`rma-inspect-location-${id}`}
                  />
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      aria-label={t("returns.inspect.split")}
                      title={t("returns.inspect.split")}
                      onClick={() =>
                        setRows((rs) => [
                          ...rs.slice(0, i + 1),
                          { ...row, qty: "", recovered: "", location: "" },
                          ...rs.slice(i + 1),
                        ])
                      }
                      data-testid={`rma-inspect-split-${id}`}
                    >
                      <IconPlus size={14} />
                    </Button>
                    {rows.filter((r) => r.lineIndex === row.lineIndex).length > 1 && (
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="red"
                        aria-label={t("returns.inspect.remove")}
                        title={t("returns.inspect.remove")}
                        onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}
                      >
                        <IconTrash size={14} />
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {errors.dispositions && (
        <Text c="red" size="sm" mt="xs">
          {errors.dispositions}
        </Text>
      )}
    </ActionModal>
  );
}

/** The settlement fields the backend names (the exchange's reshipment is checked by the act). */
const SETTLE_FIELDS = ["amount_minor", "restocking_fee_minor", "settlement.reshipment_no"];

export function SettleModal({ detail, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const [form, setForm] = useState<SettleForm>(() => settleDefaults(detail));
  const [local, setLocal] = useState<Record<string, string>>({});
  const { mutation, errors } = useRmaAction(
    (settlement: Settlement) => call("settle_rma", { rma_no: detail.rma_no, settlement }),
    onClose,
    (f) => SETTLE_FIELDS.includes(f),
  );
  const money = (minor: number) => formatMoney(minor, detail.currency, i18n.language);
  const err = (field: string) =>
    errors[field] ?? (local[field] ? t(local[field], moneyParams(detail.currency)) : undefined);
  const refund = toMinor(form.refund, detail.currency);
  const fee = form.fee.trim() === "" ? 0 : toMinor(form.fee, detail.currency);
  const set = (patch: Partial<SettleForm>) => setForm((f) => ({ ...f, ...patch }));
  return (
    <ActionModal
      title={t("returns.action.settle")}
      onClose={onClose}
      onSubmit={() => {
        const out = toSettlement(form, detail.currency);
        if ("errors" in out) setLocal(out.errors);
        else {
          setLocal({});
          mutation.mutate(out.settlement);
        }
      }}
      pending={mutation.isPending}
      submitTestId="rma-settle-submit"
      submitLabel={t("returns.action.settle")}
    >
      <Stack gap="sm">
        {detail.credit_issued_minor !== null ? (
          <Alert color="blue" data-testid="rma-settle-issued-credit">
            {t("returns.credit.settles_as", { amount: money(detail.credit_issued_minor) })}
          </Alert>
        ) : (
          <SegmentedControl
            value={form.kind}
            onChange={(v) => set({ kind: v as PreferredOutcome })}
            data={OUTCOMES.map((o) => ({ value: o, label: t(`returns.outcome.${o}`) }))}
            data-testid="rma-settle-kind"
          />
        )}
        <Text size="sm" c="dimmed">
          {t("returns.settle.paid", { amount: money(detail.paid_for_received_minor) })}
        </Text>
        {form.kind === "refund" && (
          <>
            <TextInput
              label={t("returns.settle.fee", { currency: detail.currency })}
              description={t("returns.settle.fee_hint", {
                amount: money(detail.policy_fee_minor),
              })}
              inputMode="decimal"
              value={form.fee}
              onChange={(e) => set({ fee: e.currentTarget.value })}
              error={err("restocking_fee_minor")}
              data-testid="rma-settle-fee"
            />
            <TextInput
              label={t("returns.settle.refund", { currency: detail.currency })}
              inputMode="decimal"
              value={form.refund}
              onChange={(e) => set({ refund: e.currentTarget.value })}
              error={err("amount_minor")}
              data-testid="rma-settle-amount"
            />
            {detail.line_fees.length > 1 && (
              <Text size="sm" c="dimmed" data-testid="rma-settle-fee-lines">
                {t("returns.settle.fee_lines")}:{" "}
                {detail.line_fees
                  .filter((l) => l.qty > 0)
                  .map(
                    (l) =>
                      `${detail.opening.lines[l.line_index]?.sku ?? ""} ${money(l.fee_minor)} (${t(
                        `returns.fee_reason.${l.reason}`,
                        { count: l.qty - l.resold_as_new },
                      )})`,
                  )
                  .join(" · ")}
              </Text>
            )}
            {refund !== null && fee !== null && (
              <Table data-testid="rma-settle-summary">
                <Table.Tbody>
                  <Table.Tr>
                    <Table.Td>{t("returns.settle.refund_line")}</Table.Td>
                    <Table.Td ta="right">{money(refund)}</Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Td>{t("returns.settle.fee_line")}</Table.Td>
                    <Table.Td ta="right">− {money(fee)}</Table.Td>
                  </Table.Tr>
                  <Table.Tr fw={700}>
                    <Table.Td>{t("returns.settle.to_customer_line")}</Table.Td>
                    <Table.Td ta="right" data-testid="rma-settle-to-customer">
                      {money(refund - fee)}
                    </Table.Td>
                  </Table.Tr>
                </Table.Tbody>
              </Table>
            )}
          </>
        )}
        {form.kind === "store_credit" && detail.credit_issued_minor === null && (
          <TextInput
            label={t("returns.settle.credit", { currency: detail.currency })}
            inputMode="decimal"
            value={form.credit}
            onChange={(e) => set({ credit: e.currentTarget.value })}
            error={err("amount_minor")}
            data-testid="rma-settle-amount"
          />
        )}
        {form.kind === "exchange" && (
          <TextInput
            label={t("returns.settle.reshipment_no")}
            description={t("returns.settle.reshipment_hint")}
            value={form.reshipmentNo}
            onChange={(e) => set({ reshipmentNo: e.currentTarget.value })}
            error={err("settlement.reshipment_no")}
            required
            data-testid="rma-settle-reshipment"
          />
        )}
        {errors.settlement && (
          <Text c="red" size="sm">
            {errors.settlement}
          </Text>
        )}
      </Stack>
    </ActionModal>
  );
}
