import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { HistoryEntry } from "../backend/bindings/HistoryEntry";
import { HistoryTimeline, type ValueLabel } from "./HistoryTimeline";

/**
 * What sets one kind of record's history apart: its title, the test id the e2e flows find it by,
 * and how it reads its coded values.
 */
export type HistoryKind = {
  title: (t: TFunction) => string;
  testId: string;
  valueLabel: ValueLabel;
};

/** A record's history panel, as its kind shows it. */
export function RecordHistory({ history, kind }: { history: HistoryEntry[]; kind: HistoryKind }) {
  const { t } = useTranslation();
  return (
    <HistoryTimeline
      history={history}
      title={kind.title(t)}
      testId={kind.testId}
      valueLabel={kind.valueLabel}
    />
  );
}
