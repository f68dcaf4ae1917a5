import { NativeSelect, NumberInput, Stack, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { BlockDecision } from "../../backend/bindings/BlockDecision";
import type { Severity } from "../../backend/bindings/Severity";
import type { WorkOrderDetail } from "../../backend/bindings/WorkOrderDetail";
import { call } from "../../backend/call";
import { ActionModal } from "../../components/actions/ActionModal";
import { useRecordAction } from "../../components/actions/useRecordAction";
import { keys } from "../../queries/keys";
import { categoryName, wholeOrNull } from "./production";

const saved = (message: string) => notifications.show({ color: "teal", message });

/** Completes the run: what was made, and what each component lot gave (the plan's by default). */
export function CompleteWorkOrderModal({
  wo,
  onClose,
}: {
  wo: WorkOrderDetail;
  onClose: () => void;
}) {
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
    <ActionModal
      title={t("work_orders.complete.title", { no: wo.work_order_no })}
      intro={t("work_orders.complete.intro")}
      onClose={onClose}
      onSubmit={() => mutation.mutate(undefined)}
      pending={mutation.isPending}
      submitTestId="wo-complete-save"
    >
      <Stack gap="sm">
        <NumberInput
          label={`${t("work_orders.field.output_qty")} (${wo.unit})`}
          value={output}
          onChange={setOutput}
          min={1}
          allowDecimal={false}
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
      </Stack>
    </ActionModal>
  );
}

/** Logs an in-process QC failure on the run: it blocks the work order until a lead decides. */
export function WorkOrderFailureModal({
  wo,
  onClose,
}: {
  wo: WorkOrderDetail;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const categories = useQuery({
    queryKey: ["defect_categories"],
    queryFn: () => call("list_defect_categories", {}),
  });
  const active = (categories.data ?? []).filter((c) => c.active);
  const [inspected, setInspected] = useState<number | string>(wo.output_qty ?? wo.planned_qty);
  const [failed, setFailed] = useState<number | string>(1);
  const [category, setCategory] = useState("");
  const [severity, setSeverity] = useState<Severity>("major");
  const [description, setDescription] = useState("");
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
        qty_inspected: wholeOrNull(inspected) ?? 0,
        qty_failed: wholeOrNull(failed) ?? 0,
        category_code: category || (active[0]?.code ?? ""),
        description,
        severity,
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
  return (
    <ActionModal
      title={t("work_orders.failure.title", { no: wo.work_order_no })}
      intro={t("work_orders.failure.intro")}
      onClose={onClose}
      onSubmit={() => mutation.mutate(undefined)}
      pending={mutation.isPending}
      submitTestId="wo-failure-save"
    >
      <Stack gap="sm">
        <NumberInput
          label={t("work_orders.failure.qty_inspected")}
          value={inspected}
          onChange={setInspected}
          min={1}
          allowDecimal={false}
          error={errors.qty_inspected}
          data-testid="wo-failure-inspected"
        />
        <NumberInput
          label={t("work_orders.failure.qty_failed")}
          value={failed}
          onChange={setFailed}
          min={1}
          allowDecimal={false}
          error={errors.qty_failed}
          data-testid="wo-failure-failed"
        />
        <NativeSelect
          label={t("work_orders.failure.category")}
          value={category || (active[0]?.code ?? "")}
          onChange={(e) => setCategory(e.currentTarget.value)}
          data={active.map((c) => ({ value: c.code, label: categoryName(c, i18n.language) }))}
          error={errors.category_code}
          data-testid="wo-failure-category"
        />
        <NativeSelect
          label={t("work_orders.failure.severity")}
          value={severity}
          onChange={(e) => setSeverity(e.currentTarget.value as Severity)}
          data={(["critical", "major", "minor"] as Severity[]).map((s) => ({
            value: s,
            label: t(`failure.severity.${s}`),
          }))}
          data-testid="wo-failure-severity"
        />
        <Textarea
          label={t("work_orders.failure.description")}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          error={errors.description ?? errors.stage ?? errors.work_order_no ?? errors.vendor_code}
          required
          autosize
          minRows={2}
          data-autofocus
          data-testid="wo-failure-description"
        />
      </Stack>
    </ActionModal>
  );
}

/** A quality lead's decision on one blocking failure. */
export function DecideBlockModal({
  wo,
  failureNo,
  onClose,
}: {
  wo: WorkOrderDetail;
  failureNo: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [decision, setDecision] = useState<BlockDecision>("release");
  const [note, setNote] = useState("");
  const [qty, setQty] = useState<number | string>("");
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
  return (
    <ActionModal
      title={t("work_orders.decide.title", { failure: failureNo })}
      intro={t("work_orders.decide.intro")}
      onClose={onClose}
      onSubmit={() => mutation.mutate(undefined)}
      pending={mutation.isPending}
      submitTestId="wo-decide-save"
    >
      <Stack gap="sm">
        <NativeSelect
          label={t("work_orders.decide.decision")}
          value={decision}
          onChange={(e) => setDecision(e.currentTarget.value as BlockDecision)}
          data={(["release", "scrap", "rework"] as BlockDecision[]).map((d) => ({
            value: d,
            label: t(`work_orders.decision.${d}`),
          }))}
          data-testid="wo-decide-decision"
        />
        {decision !== "release" && (
          <NumberInput
            label={t("work_orders.decide.qty")}
            description={t("work_orders.decide.qty_hint")}
            value={qty}
            onChange={setQty}
            min={1}
            allowDecimal={false}
            error={errors.qty}
            data-testid="wo-decide-qty"
          />
        )}
        <Textarea
          label={t("work_orders.decide.note")}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={errors.note}
          required
          autosize
          minRows={2}
          data-autofocus
          data-testid="wo-decide-note"
        />
      </Stack>
    </ActionModal>
  );
}
