import type { PeriodInput } from "../../backend/bindings/PeriodInput";

export type Period = PeriodInput;
export type Preset = "last_7" | "last_30" | "this_month" | "last_month";
export const PRESETS: Preset[] = ["last_7", "last_30", "this_month", "last_month"];

const pad = (n: number) => String(n).padStart(2, "0");

/** A local calendar day as `YYYY-MM-DD`. */
export function dayText(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** `day` moved by whole days, in calendar arithmetic (no time zone or DST drift). */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split("-").map(Number);
  const date = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export function isDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  return addDays(text, 0) === text;
}

/** The days of a preset, both included, ending on (or around) `today`. */
export function presetPeriod(preset: Preset, today: Date): Period {
  const to = dayText(today);
  const y = today.getFullYear();
  const m = today.getMonth();
  switch (preset) {
    case "last_7":
      return { from: addDays(to, -6), to };
    case "last_30":
      return { from: addDays(to, -29), to };
    case "this_month":
      return { from: dayText(new Date(y, m, 1)), to };
    case "last_month":
      return { from: dayText(new Date(y, m - 1, 1)), to: dayText(new Date(y, m, 0)) };
  }
}

export function defaultPeriod(today: Date): Period {
  return presetPeriod("last_30", today);
}

/** Which preset a period is, if any (the picker highlights it). */
export function presetOf(period: Period, today: Date): Preset | null {
  return (
    PRESETS.find((p) => {
      const q = presetPeriod(p, today);
      return q.from === period.from && q.to === period.to;
    }) ?? null
  );
}

/** Whether the backend can be asked about the period: two days, in order. */
export function isValidPeriod(period: Period): boolean {
  return isDay(period.from) && isDay(period.to) && period.from <= period.to;
}
