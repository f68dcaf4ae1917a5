import { Button, Group, Modal, SegmentedControl, Stack, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { makePdf, printPdf, savePdfFile } from "../../backend/call";
import type { Closing } from "../../components/actions/ActionModal";
import { errorMessage, fieldErrors } from "../../errors/apiError";
import { keys } from "../../queries/keys";
import { LABEL_SIZES, type LabelSize } from "./types";
import { kgToGrams } from "./units";

/**
 * Makes the prepaid return labels of one or more RMAs (one page each) as a PDF and opens it in the
 * system's viewer to print, or saves it where the user picks. Making a label records it on each
 * RMA, so lists and details refresh.
 */
export function LabelsModal({
  rmaNos,
  onClose,
  onDone,
}: { rmaNos: string[]; onDone?: () => void } & Closing) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [size, setSize] = useState<LabelSize>("four_by_six");
  const [weight, setWeight] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusyWith] = useState<"open" | "save" | null>(null);
  const print = async (destination: "open" | "save") => {
    const grams = weight.trim() === "" ? null : kgToGrams(weight);
    if (grams === null && weight.trim() !== "") {
      setErrors({ weight_grams: t("returns.labels.bad_weight") });
      return;
    }
    setBusyWith(destination);
    setErrors({});
    try {
      const labels = {
        act: "rma_labels",
        input: { rma_nos: rmaNos, size, weight_grams: grams },
      } as const;
      if (destination === "open") {
        await printPdf(labels);
      } else {
        const file = await makePdf(labels);
        const path = await savePdfFile(file.file_name, file.pdf_base64);
        if (path)
          notifications.show({ color: "teal", message: t("returns.labels.saved_to", { path }) });
      }
      // Printing a label records it on the RMA.
      void client.invalidateQueries({ queryKey: keys.rmas });
      for (const no of rmaNos) void client.invalidateQueries({ queryKey: ["rma", no] });
      onDone?.();
      onClose();
    } catch (err) {
      const fields = fieldErrors(t, err);
      setErrors(fields);
      if (fields.weight_grams === undefined)
        notifications.show({ color: "red", message: errorMessage(t, err) });
    } finally {
      setBusyWith(null);
    }
  };
  return (
    <Modal
      opened
      onClose={onClose}
      // Wide enough that the three Dutch buttons share a line ("Openen en printen" wrapped alone).
      size="lg"
      title={t("returns.labels.title", { count: rmaNos.length })}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void print("open");
        }}
      >
        <Stack gap="sm">
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t("returns.labels.size")}
            </Text>
            <SegmentedControl
              value={size}
              onChange={(v) => setSize(v as LabelSize)}
              data={LABEL_SIZES.map((s) => ({ value: s, label: t(`returns.labels.size_${s}`) }))}
              data-testid="rma-label-size"
            />
          </Stack>
          <TextInput
            label={t("returns.labels.weight")}
            description={t("returns.labels.weight_hint")}
            inputMode="decimal"
            value={weight}
            onChange={(e) => setWeight(e.currentTarget.value)}
            error={errors.weight_grams}
            data-testid="rma-label-weight"
          />
        </Stack>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button
            variant="light"
            loading={busy === "save"}
            disabled={busy !== null}
            onClick={() => void print("save")}
            data-testid="rma-label-submit"
          >
            {t("returns.labels.save")}
          </Button>
          <Button
            type="submit"
            loading={busy === "open"}
            disabled={busy !== null}
            data-testid="rma-label-open"
          >
            {t("returns.labels.print")}
          </Button>
        </Group>
      </form>
    </Modal>
  );
}
