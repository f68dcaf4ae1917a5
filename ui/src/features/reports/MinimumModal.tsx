import { Alert, Button, Group, Modal, NumberInput, Stack, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { call } from "../../backend/call";
import { errorMessage, fieldErrors } from "../../errors/apiError";

/** Sets a SKU's minimum stock; an empty minimum stops watching the SKU. */
export function MinimumModal({
  initial,
  onClose,
}: {
  initial: { sku: string; min_qty: number | null };
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [sku, setSku] = useState(initial.sku);
  const [qty, setQty] = useState<number | string>(initial.min_qty ?? "");
  const save = useMutation({
    mutationFn: () =>
      call("set_safety_stock", {
        sku: sku.trim(),
        min_qty: typeof qty === "number" ? Math.round(qty) : null,
      }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ["safety_stock_alerts"] });
      notifications.show({ color: "teal", message: t("reports.stock.saved", { sku: sku.trim() }) });
      onClose();
    },
  });
  const errors = save.error ? fieldErrors(t, save.error) : {};
  const general = save.error && Object.keys(errors).length === 0;
  return (
    <Modal opened onClose={onClose} title={t("reports.stock.set_title")}>
      <Stack gap="sm">
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
        {general && <Alert color="red">{errorMessage(t, save.error)}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button loading={save.isPending} onClick={() => save.mutate()} data-testid="safety-save">
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
