import { Group, SegmentedControl } from "@mantine/core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { DateField } from "../../components/DateField";
import { isValidPeriod, type Period, PRESETS, presetOf, presetPeriod } from "./period";

/** From and to days (both included) with the usual presets; shared by every tab. */
export function PeriodPicker({
  period,
  onChange,
}: {
  period: Period;
  onChange: (period: Period) => void;
}) {
  const { t } = useTranslation();
  // The inputs may hold half-typed dates; only a whole, ordered period is passed on.
  const [draft, setDraft] = useState(period);
  const { from, to } = period;
  useEffect(() => setDraft({ from, to }), [from, to]);
  const today = new Date();
  const preset = presetOf(period, today);
  const edit = (key: keyof Period) => (value: string) => {
    const next = { ...draft, [key]: value };
    setDraft(next);
    if (isValidPeriod(next)) onChange(next);
  };
  const invalid = !isValidPeriod(draft);
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <DateField
        size="xs"
        label={t("reports.period.from")}
        value={draft.from}
        onChange={edit("from")}
        error={invalid && draft.from > draft.to ? t("reports.period.reversed") : undefined}
        data-testid="reports-from"
      />
      <DateField
        size="xs"
        label={t("reports.period.to")}
        value={draft.to}
        onChange={edit("to")}
        data-testid="reports-to"
      />
      <SegmentedControl
        size="xs"
        value={preset ?? ""}
        onChange={(value) => {
          const chosen = PRESETS.find((p) => p === value);
          if (chosen) onChange(presetPeriod(chosen, new Date()));
        }}
        data={PRESETS.map((p) => ({ value: p, label: t(`reports.period.preset.${p}`) }))}
        data-testid="reports-presets"
      />
    </Group>
  );
}
