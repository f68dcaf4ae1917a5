import {
  MultiSelect,
  NativeSelect,
  NumberInput,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSession } from "../../../app/session";
import type { Disposition } from "../../../backend/bindings/Disposition";
import type { DispositionLineView } from "../../../backend/bindings/DispositionLineView";
import type { FailureDetail } from "../../../backend/bindings/FailureDetail";
import type { ScrapMethod } from "../../../backend/bindings/ScrapMethod";
import { call } from "../../../backend/call";
import { ActionModal, TextStepModal } from "../../../components/actions/ActionModal";
import { useFailureAction } from "../../../components/actions/useRecordAction";
import { DateField } from "../../../components/DateField";
import { usePeople } from "../../../queries/lists";
import { DISPOSITIONS } from "../FailureFormPage";
import { CompletionFields, useCompletion } from "./Completion";

export const SCRAP_METHODS: ScrapMethod[] = [
  "crushed",
  "incinerated",
  "recycled",
  "returned_for_destruction",
  "other",
];

function PersonSelect({
  label,
  value,
  onChange,
  error,
  optional,
  testId,
}: {
  label: string;
  value: string;
  onChange: (id: string) => void;
  error?: string;
  optional?: boolean;
  testId: string;
}) {
  const { t } = useTranslation();
  const people = usePeople();
  const options = (people.data ?? []).map((p) => ({ value: p.user_id, label: p.display_name }));
  return (
    <NativeSelect
      label={label}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
      data={
        optional ? [{ value: "", label: t("failure_detail.lines.nobody") }, ...options] : options
      }
      data-testid={testId}
    />
  );
}

/** Today plus a week, as the date a new line is due by default. */
function inAWeek(): string {
  const day = new Date(Date.now() + 7 * 24 * 3600 * 1000);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}

export function AddLineModal({
  failure,
  onClose,
}: {
  failure: FailureDetail;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { session } = useSession();
  const [disposition, setDisposition] = useState<Disposition>("rework");
  const [qty, setQty] = useState<number | string>(Math.max(failure.unassigned, 0));
  const [owner, setOwner] = useState(session.user.id);
  const [due, setDue] = useState(inAWeek());
  const [note, setNote] = useState("");
  // Failed serials no running line covers yet: a line may name which of them it disposes of.
  const taken = failure.lines
    .filter((l) => l.status !== "withdrawn")
    .flatMap((l) => l.serials ?? []);
  const free = failure.serials.filter((s) => !taken.includes(s));
  const [serials, setSerials] = useState<string[]>([]);
  const { mutation, errors } = useFailureAction(
    () =>
      call("add_disposition_line", {
        failure_no: failure.failure_no,
        line: {
          disposition,
          qty: typeof qty === "number" ? qty : 0,
          note,
          owner_id: owner,
          due_on: due === "" ? null : due,
          serials,
        },
      }),
    onClose,
  );
  return (
    <ActionModal
      title={t("failure_detail.lines.add")}
      size="lg"
      onClose={onClose}
      onSubmit={() => mutation.mutate(undefined)}
      pending={mutation.isPending}
      submitTestId="line-add-submit"
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t("failure_detail.lines.unassigned_of", {
            count: failure.unassigned,
            failed: failure.qty_failed,
          })}
        </Text>
        <NativeSelect
          label={t("failure.field.disposition")}
          value={disposition}
          onChange={(e) => setDisposition(e.currentTarget.value as Disposition)}
          data={DISPOSITIONS.map((d) => ({ value: d, label: t(`failure.disposition.${d}`) }))}
          error={errors.disposition}
          data-testid="line-disposition"
        />
        <NumberInput
          label={t("failure_detail.lines.qty")}
          min={1}
          max={Math.max(failure.unassigned, 1)}
          value={qty}
          onChange={setQty}
          error={errors.qty}
          data-testid="line-qty"
        />
        {free.length > 0 && (
          <MultiSelect
            label={t("failure_detail.lines.serials")}
            description={t("failure_detail.lines.serials_hint")}
            data={free}
            value={serials}
            onChange={(chosen) => {
              setSerials(chosen);
              if (chosen.length > 0) setQty(chosen.length);
            }}
            error={
              errors.serials ?? Object.entries(errors).find(([f]) => f.startsWith("serials["))?.[1]
            }
            data-testid="line-serials"
          />
        )}
        <PersonSelect
          label={t("failure_detail.lines.owner")}
          value={owner}
          onChange={setOwner}
          error={errors.owner_id}
          testId="line-owner"
        />
        <DateField
          label={t("failure_detail.lines.due_on")}
          value={due}
          onChange={setDue}
          error={errors.due_on}
          data-testid="line-due"
        />
        <Textarea
          label={t("failure_detail.lines.follow_up")}
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

type LineProps = { failure: FailureDetail; line: DispositionLineView; onClose: () => void };

export function CompleteLineModal({ failure, line, onClose }: LineProps) {
  const { t } = useTranslation();
  const { session } = useSession();
  const [method, setMethod] = useState<ScrapMethod>("crushed");
  const [methodOther, setMethodOther] = useState("");
  const [destroyedBy, setDestroyedBy] = useState(session.user.id);
  const [witness, setWitness] = useState("");
  const scrap = line.disposition === "scrap";
  const completion = useCompletion(
    line.qty,
    line.disposition === "rework" ? failure.product_currency : null,
  );
  const { mutation, errors } = useFailureAction(
    (cost_minor: number | null) =>
      call("complete_disposition_line", {
        failure_no: failure.failure_no,
        line_id: line.line_id,
        completion: {
          ...completion.sent,
          cost_minor,
          scrap: scrap
            ? {
                method,
                method_other: method === "other" ? methodOther : "",
                destroyed_by: destroyedBy,
                witness_id: witness === "" ? null : witness,
              }
            : null,
        },
      }),
    onClose,
  );
  return (
    <ActionModal
      title={t("failure_detail.lines.complete")}
      size="lg"
      onClose={onClose}
      onSubmit={() => completion.submit(mutation.mutate)}
      pending={mutation.isPending}
      submitTestId="line-complete-submit"
    >
      <CompletionFields
        completion={completion}
        disposition={line.disposition}
        errors={errors}
        qty={{
          label: t("failure_detail.lines.qty_completed"),
          description: t("failure_detail.lines.qty_completed_hint"),
          max: line.qty,
          testId: "line-qty-completed",
        }}
        outcomeTestId="line-outcome"
        costTestId="line-rework-cost"
      >
        {scrap && (
          <>
            <NativeSelect
              label={t("failure_detail.lines.scrap_method")}
              value={method}
              onChange={(e) => setMethod(e.currentTarget.value as ScrapMethod)}
              data={SCRAP_METHODS.map((m) => ({
                value: m,
                label: t(`failure.scrap_method.${m}`),
              }))}
              error={errors["scrap.method"]}
              data-testid="line-scrap-method"
            />
            {method === "other" && (
              <TextInput
                label={t("failure_detail.lines.scrap_method_other")}
                value={methodOther}
                onChange={(e) => setMethodOther(e.currentTarget.value)}
                error={errors["scrap.method_other"]}
                required
                data-testid="line-scrap-other"
              />
            )}
            <PersonSelect
              label={t("failure_detail.lines.destroyed_by")}
              value={destroyedBy}
              onChange={setDestroyedBy}
              error={errors["scrap.destroyed_by"]}
              testId="line-destroyed-by"
            />
            <PersonSelect
              label={t("failure_detail.lines.witness")}
              value={witness}
              onChange={setWitness}
              error={errors["scrap.witness_id"]}
              optional
              testId="line-witness"
            />
          </>
        )}
      </CompletionFields>
    </ActionModal>
  );
}

export function ApproveLineModal({ failure, line, onClose }: LineProps) {
  const { t } = useTranslation();
  return (
    <TextStepModal
      record="failure"
      run={(note) =>
        call("approve_disposition_line", {
          failure_no: failure.failure_no,
          line_id: line.line_id,
          note,
        })
      }
      field="note"
      onClose={onClose}
      title={t("failure_detail.approve_deviation")}
      size="lg"
      intro={t("failure_detail.approve_explain")}
      label={t("failure_detail.approval_note")}
      required
      minRows={3}
      textTestId="line-approve-note"
      submitTestId="line-approve-submit"
    />
  );
}

export function WithdrawLineModal({ failure, line, onClose }: LineProps) {
  const { t } = useTranslation();
  return (
    <TextStepModal
      record="failure"
      run={(reason) =>
        call("withdraw_disposition_line", {
          failure_no: failure.failure_no,
          line_id: line.line_id,
          reason,
        })
      }
      field="reason"
      onClose={onClose}
      title={t("failure_detail.lines.withdraw")}
      size="lg"
      intro={t("failure_detail.lines.withdraw_explain", { count: line.qty })}
      label={t("failure_detail.lines.withdraw_reason")}
      required
      minRows={2}
      textTestId="line-withdraw-reason"
      submitTestId="line-withdraw-submit"
    />
  );
}
