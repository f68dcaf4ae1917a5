import type { TFunction } from "i18next";
import type { HistoryKind } from "../../../components/RecordHistory";

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

/** Every event of the lot, oldest first. */
export const LOT_HISTORY: HistoryKind = {
  title: (t) => t("lots.detail.history"),
  testId: "lot-history",
  valueLabel,
};
