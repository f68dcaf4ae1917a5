import { NumberInput, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { call } from "../../backend/call";
import { FormModal, useFormSave } from "../../components/FormModal";

/** The stock levels a SKU is watched between. */
type Level = "min_qty" | "max_qty";

/** Sets a SKU's minimum stock; an empty minimum stops watching the SKU. */
export function MinimumModal({
  initial,
  onClose,
}: {
  initial: { sku: string; min_qty: number | null; max_qty?: number | null };
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [sku, setSku] = useState(initial.sku);
  const [levels, setLevels] = useState<Record<Level, number | string>>({
    min_qty: initial.min_qty ?? "",
    max_qty: initial.max_qty ?? "",
  });
  const { min_qty: qty, max_qty: max } = levels;
  const { save, errors } = useFormSave({
    act: () =>
      call("set_safety_stock", {
        sku: sku.trim(),
        min_qty: typeof qty === "number" ? Math.round(qty) : null,
        max_qty: typeof max === "number" ? Math.round(max) : null,
      }),
    refresh: ["safety_stock_alerts"],
    saved: () => t("reports.stock.saved", { sku: sku.trim() }),
    onClose,
  });
  // A level's hint is its label's key with `_hint`.
  const level = (field: Level, label: string, testId: string) => (
    <NumberInput
      label={t(label)}
      description={t(`${label}_hint`)}
      value={levels[field]}
      onChange={(value) => setLevels((current) => ({ ...current, [field]: value }))}
      min={0}
      allowDecimal={false}
      error={errors[field]}
      data-testid={testId}
    />
  );
  return (
    <FormModal
      title={t("reports.stock.set_title")}
      save={save}
      saveTestId="safety-save"
      onClose={onClose}
    >
      <TextInput
        label={t("reports.col.sku")}
        value={sku}
        onChange={(e) => setSku(e.currentTarget.value)}
        error={errors.sku}
        data-autofocus
        required
        data-testid="safety-sku"
      />
      {level("min_qty", "reports.stock.minimum", "safety-min")}
      {level("max_qty", "replenish.maximum", "safety-max")}
    </FormModal>
  );
}
