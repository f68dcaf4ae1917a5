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
import { ActionModal, type Closing, TextStepModal } from "../../../components/actions/ActionModal";
import { useFailureAction } from "../../../components/actions/useRecordAction";
import { codeOptions } from "../../../components/codeOptions";
import { DateField } from "../../../components/DateField";
import { bindFields, errorsUnder, useDraft } from "../../../components/forms/draft";
import { PersonSelect } from "../../../components/forms/PersonSelect";
import { DISPOSITIONS } from "../FailureFormPage";
import { CompletionModal } from "./Completion";
import { ApprovalModal } from "./DispositionModals";

export const SCRAP_METHODS: ScrapMethod[] = [
  "crushed",
  "incinerated",
  "recycled",
  "returned_for_destruction",
  "other",
];

/** Today plus a week, as the date a new line is due by default. */
function inAWeek(): string {
  const day = new Date(Date.now() + 7 * 24 * 3600 * 1000);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}

export function AddLineModal({ failure, onClose }: { failure: FailureDetail } & Closing) {
  const { t } = useTranslation();
  const { session } = useSession();
  const form = useDraft({
    disposition: "rework" as Disposition,
    qty: Math.max(failure.unassigned, 0) as number | string,
    owner_id: session.user.id,
    due_on: inAWeek(),
    note: "",
  });
  const d = form.draft;
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
          ...d,
          qty: typeof d.qty === "number" ? d.qty : 0,
          due_on: d.due_on === "" ? null : d.due_on,
          serials,
        },
      }),
    onClose,
  );
  const f = bindFields(form, errors, (key) => t(`failure_detail.lines.${key}`));
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
          {...f.text("disposition")}
          label={t("failure.field.disposition")}
          data={codeOptions(t, DISPOSITIONS, "failure.disposition")}
          data-testid="line-disposition"
        />
        <NumberInput
          {...f.number("qty")}
          min={1}
          max={Math.max(failure.unassigned, 1)}
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
              if (chosen.length > 0) form.set("qty", chosen.length);
            }}
            error={
              errors.serials ?? Object.entries(errors).find(([f]) => f.startsWith("serials["))?.[1]
            }
            data-testid="line-serials"
          />
        )}
        <PersonSelect {...f.value("owner_id", "owner")} testId="line-owner" />
        <DateField {...f.value("due_on")} data-testid="line-due" />
        <Textarea {...f.text("note", "follow_up")} autosize minRows={2} />
      </Stack>
    </ActionModal>
  );
}

type LineProps = { failure: FailureDetail; line: DispositionLineView; onClose: () => void };

/** What names one disposition line in the acts on it. */
const lineIds = (failure: FailureDetail, line: DispositionLineView) => ({
  failure_no: failure.failure_no,
  line_id: line.line_id,
});

type ScrapDraft = {
  method: ScrapMethod;
  method_other: string;
  destroyed_by: string;
  witness_id: string;
};

export function CompleteLineModal({ failure, line, onClose }: LineProps) {
  const { t } = useTranslation();
  const { session } = useSession();
  const scrapForm = useDraft<ScrapDraft>({
    method: "crushed",
    method_other: "",
    destroyed_by: session.user.id,
    witness_id: "",
  });
  const sd = scrapForm.draft;
  const scrap = line.disposition === "scrap";
  return (
    <CompletionModal
      title={t("failure_detail.lines.complete")}
      disposition={line.disposition}
      qty={{
        label: t("failure_detail.lines.qty_completed"),
        description: t("failure_detail.lines.qty_completed_hint"),
        max: line.qty,
        testId: "line-qty-completed",
      }}
      productCurrency={failure.product_currency}
      send={(completed, cost_minor) =>
        call("complete_disposition_line", {
          ...lineIds(failure, line),
          completion: {
            ...completed,
            cost_minor,
            scrap: scrap
              ? {
                  ...sd,
                  method_other: sd.method === "other" ? sd.method_other : "",
                  witness_id: sd.witness_id === "" ? null : sd.witness_id,
                }
              : null,
          },
        })
      }
      onClose={onClose}
      submitTestId="line-complete-submit"
      outcomeTestId="line-outcome"
      costTestId="line-rework-cost"
    >
      {(errors) =>
        scrap && <ScrapFields scrapForm={scrapForm} errors={errorsUnder(errors, "scrap")} />
      }
    </CompletionModal>
  );
}

/** How a scrapped line was destroyed, and by whom before which witness. */
function ScrapFields({
  scrapForm,
  errors,
}: {
  scrapForm: ReturnType<typeof useDraft<ScrapDraft>>;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  const f = bindFields(scrapForm, errors, (key) => t(`failure_detail.lines.${key}`));
  return (
    <>
      <NativeSelect
        {...f.text("method", "scrap_method")}
        data={codeOptions(t, SCRAP_METHODS, "failure.scrap_method")}
        data-testid="line-scrap-method"
      />
      {scrapForm.draft.method === "other" && (
        <TextInput
          {...f.text("method_other", "scrap_method_other")}
          required
          data-testid="line-scrap-other"
        />
      )}
      <PersonSelect {...f.value("destroyed_by")} testId="line-destroyed-by" />
      <PersonSelect {...f.value("witness_id", "witness")} optional testId="line-witness" />
    </>
  );
}

export function ApproveLineModal({ failure, line, onClose }: LineProps) {
  return (
    <ApprovalModal
      run={(note) => call("approve_disposition_line", { ...lineIds(failure, line), note })}
      onClose={onClose}
      testId="line-approve"
    />
  );
}

export function WithdrawLineModal({ failure, line, onClose }: LineProps) {
  const { t } = useTranslation();
  return (
    <TextStepModal
      record="failure"
      run={(reason) => call("withdraw_disposition_line", { ...lineIds(failure, line), reason })}
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
