import { NumberInput, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { call } from "../../backend/call";
import { FormModal, useFormSave } from "../../components/FormModal";

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
  const [qty, setQty] = useState<number | string>(initial.min_qty ?? "");
  const [max, setMax] = useState<number | string>(initial.max_qty ?? "");
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
      <NumberInput
        label={t("reports.stock.minimum")}
        description={t("reports.stock.minimum_hint")}
        value={qty}
        onChange={setQty}
        min={0}
        allowDecimal={false}
        error={errors.min_qty}
        data-testid="safety-min"
      />
      <NumberInput
        label={t("replenish.maximum")}
        description={t("replenish.maximum_hint")}
        value={max}
        onChange={setMax}
        min={0}
        allowDecimal={false}
        error={errors.max_qty}
        data-testid="safety-max"
      />
    </FormModal>
  );
}
