import type { FigureChange } from "../../backend/bindings/FigureChange";
import type { KpiState } from "../../backend/bindings/KpiState";
import type { KpiUnit } from "../../backend/bindings/KpiUnit";
import { numberFormat } from "../../intl";
import { formatMoney } from "../../money";

/** A whole count with the UI language's grouping ("12,000", "12.000"). */
export function formatCount(n: number, language: string): string {
  return numberFormat(language).format(n);
}

/** What a figure without data reads as: never 0, which would be a measurement. */
export const NO_DATA = "—";

const MINUTES_PER = { day: 24 * 60, hour: 60 };

/** Basis points as a percentage (600 → "6%", 625 → "6.25%"). */
export function formatBps(bps: number | null, language: string): string {
  if (bps === null) return NO_DATA;
  return numberFormat(language, { style: "percent", maximumFractionDigits: 2 }).format(
    bps / 10_000,
  );
}

/** Minutes as days, to a tenth ("2 days", "2.5 days"). */
export function formatMinutesAsDays(minutes: number | null, language: string): string {
  return formatMinutesIn("day", minutes, language);
}

/** Minutes as hours, to a tenth ("36 hours"). */
export function formatMinutesAsHours(minutes: number | null, language: string): string {
  return formatMinutesIn("hour", minutes, language);
}

/** Minutes in a longer unit, to a tenth, in the UI language's words for it. */
function formatMinutesIn(unit: "day" | "hour", minutes: number | null, language: string): string {
  if (minutes === null) return NO_DATA;
  return numberFormat(language, {
    style: "unit",
    unit,
    unitDisplay: "long",
    maximumFractionDigits: 1,
  }).format(minutes / MINUTES_PER[unit]);
}

/** A KPI value in its unit: percent from basis points, days from minutes, money per currency. */
export function formatKpiValue(
  unit: KpiUnit,
  value: number | null,
  currency: string | null,
  language: string,
): string {
  if (value === null) return NO_DATA;
  switch (unit) {
    case "percent":
      return formatBps(value, language);
    case "days":
      return formatMinutesAsDays(value, language);
    case "money":
      return currency ? formatMoney(value, currency, language) : String(value);
  }
}

/** A count's change against the previous period: "+3 (+50%)", "−2", or nothing to compare. */
export function formatChange(change: FigureChange | null, language: string): string {
  if (change === null) return NO_DATA;
  const count = numberFormat(language, { signDisplay: "exceptZero" }).format(change.absolute);
  if (change.relative_bps === null) return count;
  const share = numberFormat(language, {
    style: "percent",
    signDisplay: "exceptZero",
    maximumFractionDigits: 0,
  }).format(change.relative_bps / 10_000);
  return `${count} (${share})`;
}

/** A money change in one currency, signed. */
export function formatMoneyChange(
  change: FigureChange | null,
  currency: string,
  language: string,
): string {
  if (change === null) return NO_DATA;
  const sign = change.absolute > 0 ? "+" : "";
  return `${sign}${formatMoney(change.absolute, currency, language)}`;
}

/** Mantine colour of a KPI's red / amber / green state. */
export function stateColor(state: KpiState): string {
  switch (state) {
    case "green":
      return "teal";
    case "amber":
      return "yellow";
    case "red":
      return "red";
    case "neutral":
      return "gray";
  }
}

/** Mantine colour of a vendor rating: red below the flag threshold, amber just above it. */
export function ratingColor(rating: number | null, flagBelow: number): string {
  if (rating === null) return "gray";
  if (rating < flagBelow) return "red";
  if (rating < flagBelow + 10) return "yellow";
  return "teal";
}
