import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  NativeSelect,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { AttachmentView } from "../../../backend/bindings/AttachmentView";
import type { Carrier } from "../../../backend/bindings/Carrier";
import type { IntakeUnit } from "../../../backend/bindings/IntakeUnit";
import type { LineDisposition } from "../../../backend/bindings/LineDisposition";
import type { Settlement } from "../../../backend/bindings/Settlement";
import { TEXT_LIMITS } from "../../../backend/bindings/textLimits";
import { call } from "../../../backend/call";
import { formatMoney, moneyParams, toMinor } from "../../../money";
import { CARRIERS } from "../../reshipments/types";
import { PhotoUpload } from "../PhotoUpload";
import {
  type Answer,
  type DispositionRow,
  INTAKE_UNANSWERED,
  type IntakeChecks,
  type IntakeForm,
  inspectDefaults,
  inspectUnitDefaults,
  placeDispositionField,
  type SettleForm,
  settleDefaults,
  toDispositions,
  toIntakeChecks,
  toSettlement,
  toUnits,
  type UnitRow,
  unitRows,
  worstGrade,
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
import { UnitGrades } from "./UnitGrades";
import { useRmaAction } from "./useRmaAction";

type Props = { detail: RmaDetail; onClose: () => void };

function Actions({
  onClose,
  loading,
  testId,
  label,
  color,
}: {
  onClose: () => void;
  loading: boolean;
  testId: string;
  label: string;
  color?: string;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" mt="md">
      <Button variant="default" onClick={onClose}>
        {t("common.cancel")}
      </Button>
      <Button type="submit" loading={loading} color={color} data-testid={testId}>
        {label}
      </Button>
    </Group>
  );
}

const ACT = { approve: "approve_rma", reject: "reject_rma", suspend: "suspend_rma" } as const;

/** Approve, reject and suspend (ask for information) are the analyst's decisions, with a comment. */
export function DecisionModal({ detail, onClose, kind }: Props & { kind: keyof typeof ACT }) {
  const { t } = useTranslation();
  const [comment, setComment] = useState("");
  const { mutation, errors } = useRmaAction(
    () => call(ACT[kind], { rma_no: detail.rma_no, comment }),
    onClose,
    (f) => f === "comment",
  );
  return (
    <Modal opened onClose={onClose} title={t(`returns.action.${kind}`)}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          mutation.mutate(undefined);
        }}
      >
        <Textarea
          label={t("returns.action.comment")}
          maxLength={TEXT_LIMITS.reason}
          description={t(`returns.action.comment_hint_${kind}`)}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
          error={errors.comment}
          required={kind !== "approve"}
          data-testid={`rma-${kind}-comment`}
        />
        <Actions
          onClose={onClose}
          loading={mutation.isPending}
          testId={`rma-${kind}-submit`}
          label={t(`returns.action.${kind}`)}
          color={kind === "reject" ? "red" : undefined}
        />
      </form>
    </Modal>
  );
}

export function CancelModal({ detail, onClose }: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState("");
  const { mutation, errors } = useRmaAction(
    () => call("cancel_rma", { rma_no: detail.rma_no, reason }),
    onClose,
    (f) => f === "reason",
  );
  return (
    <Modal opened onClose={onClose} title={t("returns.action.cancel")}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          mutation.mutate(undefined);
        }}
      >
        <Textarea
          label={t("returns.action.cancel_reason")}
          maxLength={TEXT_LIMITS.reason}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={errors.reason}
          required
          data-testid="rma-cancel-reason"
        />
        <Actions
          onClose={onClose}
          loading={mutation.isPending}
          testId="rma-cancel-submit"
          label={t("returns.action.cancel")}
          color="red"
        />
      </form>
    </Modal>
  );
}

export function InTransitModal({ detail, onClose }: Props) {
  const { t } = useTranslation();
  // The label named the returns policy's carrier: the parcel most likely travels with it.
  const policy = useQuery({
    queryKey: ["return-policy"],
    queryFn: () => call("get_return_policy", {}),
  });
  const [chosen, setCarrier] = useState<Carrier | null>(null);
  const carrier: Carrier = chosen ?? policy.data?.label_carrier ?? CARRIERS[0] ?? "dhl";
  const [tracking, setTracking] = useState("");
  const { mutation, errors } = useRmaAction(
    () => call("rma_in_transit", { rma_no: detail.rma_no, carrier, tracking_no: tracking.trim() }),
    onClose,
    (f) => f === "carrier" || f === "tracking_no",
  );
  return (
    <Modal opened onClose={onClose} title={t("returns.action.in_transit")}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          mutation.mutate(undefined);
        }}
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
        <Actions
          onClose={onClose}
          loading={mutation.isPending}
          testId="rma-in-transit-submit"
          label={t("returns.action.in_transit")}
        />
      </form>
    </Modal>
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
  const parsedQty = qty.map((q) => (/^\d+$/.test(q.trim()) ? Number(q.trim()) : null));
  const [units, setUnits] = useState<UnitRow[]>(() => unitRows(lines, parsedQty, []));
  const shownUnits = unitRows(lines, parsedQty, units);
  const [ungraded, setUngraded] = useState<Record<string, string>>({});
  const { mutation, errors } = useRmaAction(
    ({
      qtyReceived,
      checks,
      graded,
    }: {
      qtyReceived: number[];
      checks: IntakeChecks;
      graded: IntakeUnit[];
    }) =>
      call("receive_rma", {
        rma_no: detail.rma_no,
        qty_received: qtyReceived,
        // A grade per unit (per serial on a serial line); the single grade is the worst of them.
        intake: {
          ...checks,
          line_grades: [],
          units: graded,
          photo_ids: photos.map((p) => p.id),
          note: note.trim(),
        },
      }),
    onClose,
    (f) => f.startsWith("qty_received") || f === "note" || f.startsWith("intake.units"),
  );
  const setUnitGrade = (i: number, grade: ConditionGrade) =>
    setUnits(shownUnits.map((u, j) => (j === i ? { ...u, grade } : u)));
  return (
    <Modal opened onClose={onClose} title={t("returns.action.receive")} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const parsed = parsedQty;
          const wrong = parsed.flatMap((q, i) => (q === null ? [i] : []));
          setBad(wrong);
          const graded = toUnits(shownUnits, intake.grade);
          setUngraded("errors" in graded ? graded.errors : {});
          const worst = "units" in graded ? worstGrade(graded.units.map((u) => u.grade)) : null;
          const answered = toIntakeChecks({ ...intake, grade: worst ?? intake.grade });
          setUnanswered("errors" in answered ? answered.errors : {});
          if (wrong.length === 0 && "checks" in answered && "units" in graded)
            mutation.mutate({
              qtyReceived: parsed.map((q) => q ?? 0),
              checks: answered.checks,
              graded: graded.units,
            });
        }}
      >
        <Stack gap="sm">
          <Table data-testid="rma-receive-lines">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("returns.field.sku")}</Table.Th>
                <Table.Th ta="right">{t("returns.field.qty")}</Table.Th>
                <Table.Th>{t("returns.field.received")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
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
            description={t("returns.units.every_unit")}
            data-testid="rma-receive-grade"
          />
          <UnitGrades
            lines={lines}
            units={shownUnits}
            everyUnit={intake.grade}
            errors={ungraded}
            serverErrors={errors}
            onGrade={setUnitGrade}
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
        <Actions
          onClose={onClose}
          loading={mutation.isPending}
          testId="rma-receive-submit"
          label={t("returns.action.receive")}
        />
      </form>
    </Modal>
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
  // Units graded one by one at intake take a disposition per grade (per serial on a serial line).
  const [rows, setRows] = useState<DispositionRow[]>(() =>
    (detail.intake?.units ?? []).length > 0
      ? inspectUnitDefaults(detail.intake?.units ?? [])
      : inspectDefaults(detail.qty_received),
  );
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
    <Modal opened onClose={onClose} title={t("returns.action.inspect")} size="xl">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const out = toDispositions(rows, detail.currency);
          if ("errors" in out) setLocal(out.errors);
          else {
            setLocal({});
            mutation.mutate(out.dispositions);
          }
        }}
      >
        <Table data-testid="rma-inspect-rows">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("returns.field.sku")}</Table.Th>
              <Table.Th>{t("returns.field.disposition")}</Table.Th>
              <Table.Th>{t("returns.field.qty")}</Table.Th>
              <Table.Th>{t("returns.field.recovered", { currency: detail.currency })}</Table.Th>
              <Table.Th>{t("returns.field.location")}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row, i) => {
              const line = lines[row.lineIndex];
              const id = ids[i] ?? String(i);
              return (
                <Table.Tr key={id}>
                  <Table.Td>
                    {line?.sku}
                    {row.grade && (
                      <Badge
                        ml={6}
                        size="sm"
                        variant="light"
                        data-testid={`rma-inspect-grade-${id}`}
                      >
                        {t(`returns.grade.${row.grade}`)}
                      </Badge>
                    )}
                    <Text size="xs" c="dimmed">
                      {row.serials.length > 0
                        ? row.serials.join(", ")
                        : t("returns.inspect.received", {
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
                      {row.serials.length === 0 && (
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          aria-label={t("returns.inspect.split")}
                          title={t("returns.inspect.split")}
                          onClick={() =>
                            setRows((rs) => [
                              ...rs.slice(0, i + 1),
                              { ...row, qty: "", recovered: "", location: "", serials: [] },
                              ...rs.slice(i + 1),
                            ])
                          }
                          data-testid={`rma-inspect-split-${id}`}
                        >
                          <IconPlus size={14} />
                        </Button>
                      )}
                      {row.serials.length === 0 &&
                        rows.filter(
                          (r) =>
                            r.lineIndex === row.lineIndex &&
                            r.grade === row.grade &&
                            r.serials.length === 0,
                        ).length > 1 && (
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
        <Actions
          onClose={onClose}
          loading={mutation.isPending}
          testId="rma-inspect-submit"
          label={t("returns.action.inspect")}
        />
      </form>
    </Modal>
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
    <Modal opened onClose={onClose} title={t("returns.action.settle")}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const out = toSettlement(form, detail.currency);
          if ("errors" in out) setLocal(out.errors);
          else {
            setLocal({});
            mutation.mutate(out.settlement);
          }
        }}
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
        <Actions
          onClose={onClose}
          loading={mutation.isPending}
          testId="rma-settle-submit"
          label={t("returns.action.settle")}
        />
      </form>
    </Modal>
  );
}
