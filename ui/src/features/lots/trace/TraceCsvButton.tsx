import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { TraceResult } from "../../../backend/bindings/TraceResult";
import { CsvButton } from "../../../components/CsvButton";
import { customersCsv, traceLotsCsv } from "./exports";

/** The trace's CSV exports: each file's name before the lot and direction, its button, its rows. */
const EXPORTS = {
  lots: {
    file: "trace",
    label: (t: TFunction) => t("lots.trace.export_lots"),
    csv: (trace: TraceResult, t: TFunction) => traceLotsCsv(trace.lots, t),
  },
  customers: {
    file: "customers",
    label: (t: TFunction) => t("lots.export_customers"),
    csv: (trace: TraceResult, t: TFunction) => customersCsv(trace.customers, t),
  },
};

/** Saves what the trace reached of one kind as CSV; nothing to save while it reached none. */
export function TraceCsvButton({
  what,
  trace,
  base,
}: {
  what: keyof typeof EXPORTS;
  trace: TraceResult;
  base: string;
}) {
  const { t } = useTranslation();
  const { file, label, csv } = EXPORTS[what];
  return (
    <CsvButton
      fileName={`${file}-${base}.csv`}
      build={() => csv(trace, t)}
      label={label(t)}
      testId={`trace-export-${what}`}
      disabled={trace[what].length === 0}
    />
  );
}
