import { NumberInput, SimpleGrid, Switch, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ScorecardSettings } from "../../backend/bindings/ScorecardSettings";
import type { ScorecardWeights } from "../../backend/bindings/ScorecardWeights";
import { call } from "../../backend/call";
import { useFormSave } from "../../components/FormModal";
import { SettingsModal } from "./SettingsModal";

const WEIGHTS: (keyof ScorecardWeights)[] = [
  "lot_defects",
  "unit_defects",
  "severity",
  "returns",
  "on_time",
  "chargebacks",
];

const whole = (value: number | string) =>
  typeof value === "number" ? Math.max(0, Math.round(value)) : 0;

/** The rating formula's weights (adding up to 100), the flag threshold and receipt blocking. */
export function ScorecardSettingsModal({
  settings,
  onClose,
}: {
  settings: ScorecardSettings;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState(settings);
  const total = WEIGHTS.reduce((sum, w) => sum + form.weights[w], 0);
  const { save, errors } = useFormSave({
    act: () => call("set_scorecard_settings", form),
    refresh: ["vendor_scorecards"],
    saved: () => t("reports.settings.saved"),
    onClose,
  });
  return (
    <SettingsModal
      texts="reports.settings"
      save={save}
      saveTestId="settings-save"
      onClose={onClose}
    >
      <SimpleGrid cols={{ base: 2, sm: 3 }}>
        {WEIGHTS.map((w) => (
          <NumberInput
            key={w}
            label={t(`reports.component.${w}`)}
            value={form.weights[w]}
            min={0}
            max={100}
            allowDecimal={false}
            onChange={(v) => setForm((f) => ({ ...f, weights: { ...f.weights, [w]: whole(v) } }))}
            data-testid={`weight-${w}`}
          />
        ))}
      </SimpleGrid>
      <Text size="sm" c={total === 100 ? "dimmed" : "red"} data-testid="weights-total">
        {t("reports.settings.total", { total })}
      </Text>
      {errors.weights && (
        <Text size="sm" c="red">
          {errors.weights}
        </Text>
      )}
      <NumberInput
        label={t("reports.settings.flag_below")}
        description={t("reports.settings.flag_below_hint")}
        value={form.flag_below}
        min={0}
        max={100}
        allowDecimal={false}
        onChange={(v) => setForm((f) => ({ ...f, flag_below: whole(v) }))}
        error={errors.flag_below}
        data-testid="settings-flag-below"
      />
      <Switch
        label={t("reports.settings.block_receipts")}
        description={t("reports.settings.block_receipts_hint")}
        checked={form.block_receipts_below_threshold}
        onChange={(e) => {
          const checked = e.currentTarget.checked;
          setForm((f) => ({ ...f, block_receipts_below_threshold: checked }));
        }}
        data-testid="settings-block-receipts"
      />
    </SettingsModal>
  );
}
