import { NativeSelect, NumberInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { BlockDecision } from "../../backend/bindings/BlockDecision";
import type { Severity } from "../../backend/bindings/Severity";
import type { WorkOrderDetail } from "../../backend/bindings/WorkOrderDetail";
import { call } from "../../backend/call";
import type { Closing } from "../../components/actions/ActionModal";
import { useRecordAction } from "../../components/actions/useRecordAction";
import { bindFields, useDraft } from "../../components/forms/draft";
import { keys } from "../../queries/keys";
import { SEVERITIES } from "../failures/FailureFormPage";
import { PiecesInput, StepText } from "./inputs";
import { categoryName, wholeOrNull } from "./production";
import { WorkOrderStep } from "./WorkOrderStep";

const BLOCK_DECISIONS: BlockDecision[] = ["release", "scrap", "rework"];

const saved = (message: string) => notifications.show({ color: "teal", message });

/** What each step of a work order is given: the work order, and how to close the step. */
type WoStepProps = { wo: WorkOrderDetail } & Closing;

/** Completes the run: what was made, and what each component lot gave (the plan's by default). */
export function CompleteWorkOrderModal({ wo, onClose }: WoStepProps) {
  const { t } = useTranslation();
  const [output, setOutput] = useState<number | string>(wo.planned_qty);
  const [consumed, setConsumed] = useState<(number | string)[]>(
    wo.components.map((c) => c.planned_qty),
  );
  const { mutation, errors } = useRecordAction(
    "work_order",
    () =>
      call("complete_work_order", {
        work_order_no: wo.work_order_no,
        output_qty: wholeOrNull(output),
        consumed: wo.components.map((c, i) => ({
          lot_code: c.lot_code,
          qty: wholeOrNull(consumed[i] ?? "") ?? 0,
        })),
        expiry_date: null,
      }),
    (next) => {
      onClose();
      saved(t("work_orders.complete.saved", { no: next.work_order_no, lot: next.output_lot_code }));
    },
  );
  return (
    <WorkOrderStep step="complete" no={wo.work_order_no} mutation={mutation} onClose={onClose}>
      <PiecesInput
        label={`${t("work_orders.field.output_qty")} (${wo.unit})`}
        value={output}
        onChange={setOutput}
        error={errors.output_qty ?? errors["output.qty"]}
        data-autofocus
        data-testid="wo-complete-output"
      />
      {wo.components.map((c, i) => (
        <NumberInput
          key={c.lot_code}
          label={`${t("work_orders.field.consumed_qty")}: ${c.lot_code}${c.sku ? ` (${c.sku})` : ""}`}
          value={consumed[i] ?? ""}
          onChange={(value) => setConsumed((list) => list.map((q, at) => (at === i ? value : q)))}
          min={0}
          allowDecimal={false}
          error={errors[`consumed[${i}].lot_code`] ?? errors[`consumed[${i}].qty`]}
          data-testid={`wo-complete-consumed-${i}`}
        />
      ))}
    </WorkOrderStep>
  );
}

/** Logs an in-process QC failure on the run: it blocks the work order until a lead decides. */
export function WorkOrderFailureModal({ wo, onClose }: WoStepProps) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const categories = useQuery({
    queryKey: ["defect_categories"],
    queryFn: () => call("list_defect_categories", {}),
  });
  const active = (categories.data ?? []).filter((c) => c.active);
  const form = useDraft({
    qty_inspected: (wo.output_qty ?? wo.planned_qty) as number | string,
    qty_failed: 1 as number | string,
    category_code: "",
    severity: "major" as Severity,
    description: "",
  });
  const d = form.draft;
  const category = d.category_code || (active[0]?.code ?? "");
  const { mutation, errors } = useRecordAction(
    "failure",
    () =>
      call("log_failure", {
        occurred_at: null,
        sku: wo.sku,
        vendor_code: wo.vendor_code ?? "",
        lot_code: wo.output_lot_code,
        serials: [],
        stage: "in_process",
        qty_inspected: wholeOrNull(d.qty_inspected) ?? 0,
        qty_failed: wholeOrNull(d.qty_failed) ?? 0,
        category_code: category,
        description: d.description,
        severity: d.severity,
        inspection: null,
        attachment_ids: [],
        disposition: null,
        owner_team: "warehouse_qc",
        reinspection_of: null,
        work_order_no: wo.work_order_no,
      }),
    (f) => {
      // The failure blocked the run: its page and list show the block.
      void client.invalidateQueries({ queryKey: keys.workOrder(wo.work_order_no) });
      void client.invalidateQueries({ queryKey: keys.workOrders });
      onClose();
      saved(t("work_orders.failure.saved", { failure: f.failure_no, no: wo.work_order_no }));
    },
  );
  const f = bindFields(form, errors, (key) => t(`work_orders.failure.${key}`));
  return (
    <WorkOrderStep step="failure" no={wo.work_order_no} mutation={mutation} onClose={onClose}>
      <PiecesInput {...f.number("qty_inspected")} data-testid="wo-failure-inspected" />
      <PiecesInput {...f.number("qty_failed")} data-testid="wo-failure-failed" />
      <NativeSelect
        {...f.text("category_code", "category")}
        value={category}
        data={active.map((c) => ({ value: c.code, label: categoryName(c, i18n.language) }))}
        data-testid="wo-failure-category"
      />
      <NativeSelect
        {...f.text("severity")}
        data={SEVERITIES.map((s) => ({ value: s, label: t(`failure.severity.${s}`) }))}
        data-testid="wo-failure-severity"
      />
      <StepText
        {...f.text("description")}
        error={errors.description ?? errors.stage ?? errors.work_order_no ?? errors.vendor_code}
        minRows={2}
        data-testid="wo-failure-description"
      />
    </WorkOrderStep>
  );
}

/** A quality lead's decision on one blocking failure. */
export function DecideBlockModal({ wo, failureNo, onClose }: WoStepProps & { failureNo: string }) {
  const { t } = useTranslation();
  const form = useDraft({
    decision: "release" as BlockDecision,
    note: "",
    qty: "" as number | string,
  });
  const { decision, note, qty } = form.draft;
  const { mutation, errors } = useRecordAction(
    "work_order",
    () =>
      call("decide_work_order_block", {
        work_order_no: wo.work_order_no,
        failure_no: failureNo,
        decision,
        note,
        qty: decision === "release" ? null : wholeOrNull(qty),
        owner_id: null,
        due_on: null,
      }),
    () => {
      onClose();
      saved(
        t("work_orders.decide.saved", {
          failure: failureNo,
          decision: t(`work_orders.decision.${decision}`),
        }),
      );
    },
  );
  const f = bindFields(form, errors, (key) => t(`work_orders.decide.${key}`));
  return (
    <WorkOrderStep step="decide" failure={failureNo} mutation={mutation} onClose={onClose}>
      <NativeSelect
        {...f.text("decision")}
        data={BLOCK_DECISIONS.map((d) => ({ value: d, label: t(`work_orders.decision.${d}`) }))}
        data-testid="wo-decide-decision"
      />
      {decision !== "release" && (
        <PiecesInput
          {...f.number("qty")}
          description={t("work_orders.decide.qty_hint")}
          data-testid="wo-decide-qty"
        />
      )}
      <StepText {...f.text("note")} minRows={2} data-testid="wo-decide-note" />
    </WorkOrderStep>
  );
}
