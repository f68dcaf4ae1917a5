import { dateTimeFormat, numberFormat } from "../../intl";

/** How far ahead "expiring soon" looks, in days; the list filter and the orange warning agree. */
export const EXPIRY_WINDOW_DAYS = 30;

/** A local date as YYYY-MM-DD, the form the backend uses for calendar days. */
export function isoDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function addDays(date: Date, days: number): Date {
  // Calendar arithmetic, not milliseconds, so a daylight-saving change cannot skip a day.
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + days);
}

export type ExpiryState = "expired" | "soon" | "ok" | "none";

/** Whether a lot's expiry day has passed, is within the warning window, or is further away. */
export function expiryState(expiry: string | null | undefined, today: Date): ExpiryState {
  if (!expiry || !/^\d{4}-\d{2}-\d{2}/.test(expiry)) return "none";
  const day = expiry.slice(0, 10);
  // YYYY-MM-DD strings order like the days they name.
  if (day < isoDay(today)) return "expired";
  if (day <= isoDay(addDays(today, EXPIRY_WINDOW_DAYS))) return "soon";
  return "ok";
}

/** A calendar day (YYYY-MM-DD) in the UI language, read as a local day, never shifted by UTC. */
export function formatDay(value: string | null | undefined, language: string): string {
  if (!value) return "";
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.slice(0, 10));
  if (!match) return value;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return dateTimeFormat(language, { dateStyle: "medium" }).format(date);
}

/** A quantity with its unit, in the UI language's digits ("1.250,5 kg" in Dutch). */
export function formatQty(qty: number, unit: string, language: string): string {
  const n = numberFormat(language, { maximumFractionDigits: 3 }).format(qty);
  return unit ? `${n} ${unit}` : n;
}
