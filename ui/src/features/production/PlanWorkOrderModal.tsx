import { ActionIcon, Group, NumberInput, Textarea, TextInput } from "@mantine/core";
import { IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { call } from "../../backend/call";
import { useRecordAction } from "../../components/actions/useRecordAction";
import { DateField } from "../../components/DateField";
import { bindFields, useDraft } from "../../components/forms/draft";
import { AddRowFoot } from "../../components/forms/RowsCard";
import { PiecesInput } from "./inputs";
import { wholeOrNull } from "./production";
import { useShowMade } from "./useShowMade";
import { WorkOrderStep } from "./WorkOrderStep";

type Component = { lot_code: string; qty: number | string };

/** Plans a run: the product and output lot, how many, and the component lots it takes. */
export function PlanWorkOrderModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const showMade = useShowMade(onClose);
  const form = useDraft({
    sku: "",
    output_lot_code: "",
    planned_qty: "" as number | string,
    location: "MAIN",
    due_on: "",
    note: "",
  });
  const d = form.draft;
  const [components, setComponents] = useState<Component[]>([{ lot_code: "", qty: "" }]);
  const { mutation, errors } = useRecordAction(
    "work_order",
    () =>
      call("plan_work_order", {
        sku: d.sku.trim(),
        output_lot_code: d.output_lot_code,
        planned_qty: wholeOrNull(d.planned_qty) ?? 0,
        unit: "",
        location: d.location,
        components: components
          .filter((c) => c.lot_code.trim() !== "")
          .map((c) => ({ lot_code: c.lot_code, qty: wholeOrNull(c.qty) ?? 0 })),
        due_on: d.due_on || null,
        note: d.note,
      }),
    (wo) =>
      showMade(t("work_orders.plan.saved", { no: wo.work_order_no }), (navigate) =>
        navigate({ to: "/work-orders/$workOrderNo", params: { workOrderNo: wo.work_order_no } }),
      ),
  );
  const f = bindFields(form, errors, (key) => t(`work_orders.field.${key}`));
  const change = (i: number, part: Partial<Component>) =>
    setComponents((list) => list.map((c, at) => (at === i ? { ...c, ...part } : c)));
  return (
    <WorkOrderStep step="plan" size="lg" mutation={mutation} onClose={onClose}>
      <Group grow align="flex-start">
        <TextInput {...f.text("sku")} required data-autofocus data-testid="wo-plan-sku" />
        <TextInput
          {...f.text("output_lot_code", "output_lot")}
          required
          data-testid="wo-plan-output"
        />
      </Group>
      <Group grow align="flex-start">
        <PiecesInput {...f.number("planned_qty")} required data-testid="wo-plan-qty" />
        <TextInput {...f.text("location")} required data-testid="wo-plan-location" />
        <DateField {...f.value("due_on")} data-testid="wo-plan-due" />
      </Group>
      {components.map((c, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
        <Group key={i} align="flex-start" wrap="nowrap">
          <TextInput
            label={i === 0 ? t("work_orders.field.lot_code") : undefined}
            value={c.lot_code}
            onChange={(e) => change(i, { lot_code: e.currentTarget.value })}
            error={errors[`components[${i}].lot_code`]}
            style={{ flex: 2 }}
            data-testid={`wo-plan-component-${i}`}
          />
          <NumberInput
            label={i === 0 ? t("work_orders.field.qty") : undefined}
            value={c.qty}
            onChange={(qty) => change(i, { qty })}
            min={1}
            allowDecimal={false}
            error={errors[`components[${i}].qty`]}
            style={{ flex: 1 }}
            data-testid={`wo-plan-component-qty-${i}`}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            mt={i === 0 ? 28 : 4}
            aria-label={t("work_orders.plan.remove_component")}
            disabled={components.length === 1}
            onClick={() => setComponents((list) => list.filter((_, at) => at !== i))}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      <AddRowFoot
        error={errors.components}
        errorTestId="wo-plan-components-error"
        label={t("work_orders.plan.add_component")}
        onAdd={() => setComponents((list) => [...list, { lot_code: "", qty: "" }])}
        testId="wo-plan-add-component"
      />
      <Textarea {...f.text("note")} autosize minRows={2} />
    </WorkOrderStep>
  );
}
