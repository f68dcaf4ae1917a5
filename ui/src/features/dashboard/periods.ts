import { addDays, dayText, type Period } from "../reports/period";

/** The last `days` calendar days in local time, today included. */
export function lastDays(days: number, today: Date): Period {
  const to = dayText(today);
  return { from: addDays(to, 1 - days), to };
}

/** Vendor ratings need a quarter of data to be fair; the 2% rule and aging look at a month. */
export const VENDOR_DAYS = 90;
export const RECENT_DAYS = 30;
