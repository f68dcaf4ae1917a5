import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { HistoryEntry } from "../../../backend/bindings/HistoryEntry";
import { HistoryTimeline } from "../../../components/HistoryTimeline";

/** Coded values read in the UI language; free text (codes, notes) stays as recorded. */
function valueLabel(t: TFunction, field: string, value: string): string {
  switch (field) {
    case "status":
      return t(`lots.status.${value}`, { defaultValue: value });
    case "kind":
      return t(`lots.link_kind.${value}`, { defaultValue: value });
    case "reason":
      return t(`holds.reasons.${value}`, { defaultValue: value });
    default:
      return value;
  }
}

export function LotHistory({ history }: { history: HistoryEntry[] }) {
  const { t } = useTranslation();
  return (
    <HistoryTimeline
      history={history}
      title={t("lots.detail.history")}
      testId="lot-history"
      valueLabel={valueLabel}
    />
  );
}
