import { NativeSelect } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { KpiBreakdown } from "../../backend/bindings/KpiBreakdown";
import { BREAKDOWNS, isBreakdown } from "./breakdown";

/** "Break down by": none, sales channel, product category or reason. */
export function BreakdownSelect({
  value,
  onChange,
}: {
  value: KpiBreakdown | null;
  onChange: (value: KpiBreakdown | null) => void;
}) {
  const { t } = useTranslation();
  return (
    <NativeSelect
      label={t("reports.breakdown.label")}
      value={value ?? ""}
      onChange={(e) => {
        const next = e.currentTarget.value;
        onChange(isBreakdown(next) ? next : null);
      }}
      data={[
        { value: "", label: t("reports.breakdown.none") },
        ...BREAKDOWNS.map((b) => ({ value: b, label: t(`reports.breakdown.${b}`) })),
      ]}
      w={220}
      data-testid="kpi-breakdown"
    />
  );
}
