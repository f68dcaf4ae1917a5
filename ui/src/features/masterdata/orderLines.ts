import type { OrderLineInput } from "../../backend/bindings/OrderLineInput";
import type { OrderLineView } from "../../backend/bindings/OrderLineView";
import { fromMinor, type MoneyProblem, parseMoney, toMinor } from "../../money";

/** An order line as typed: quantity and unit price stay text until the order is saved. */
export type Line = { sku: string; qty: string; price: string };
export type LineField = keyof Line;
export type LineProblem = "required" | "bad_qty" | "negative" | MoneyProblem;
export type LineProblems = Record<number, Partial<Record<LineField, LineProblem>>>;

export const emptyLine = (): Line => ({ sku: "", qty: "1", price: "" });

/** A saved line as typed, its price in the order's `currency`. */
export const lineOf = (l: OrderLineView, currency: string): Line => ({
  sku: l.sku,
  qty: String(l.qty),
  price: fromMinor(l.unit_price_minor, currency),
});

/** A whole number above zero, or null. */
export function parseQty(text: string): number | null {
  if (!/^\s*\d{1,9}\s*$/.test(text)) return null;
  const qty = Number(text.trim());
  return qty > 0 ? qty : null;
}

/**
 * The lines as the act's input, numbered 1.., prices in the order's `currency`, or what is wrong
 * with each line (by index).
 */
export function parseLines(
  lines: Line[],
  currency: string,
): { ok: true; lines: OrderLineInput[] } | { ok: false; problems: LineProblems } {
  const problems: LineProblems = {};
  const out = lines.map((l, i) => {
    const qty = parseQty(l.qty);
    const parsed = parseMoney(l.price, currency);
    const price = parsed.ok ? parsed.minor : null;
    const p: Partial<Record<LineField, LineProblem>> = {};
    if (l.sku.trim() === "") p.sku = "required";
    if (qty === null) p.qty = "bad_qty";
    if (!parsed.ok) p.price = parsed.problem;
    else if (parsed.minor < 0) p.price = "negative";
    if (Object.keys(p).length > 0) problems[i] = p;
    return { line_no: i + 1, sku: l.sku.trim(), qty: qty ?? 0, unit_price_minor: price ?? 0 };
  });
  return Object.keys(problems).length > 0 ? { ok: false, problems } : { ok: true, lines: out };
}

/** The order total in minor units of `currency`, counting only lines that parse. */
export function linesTotal(lines: Line[], currency: string): number {
  return lines.reduce(
    (sum, l) => sum + (toMinor(l.price, currency) ?? 0) * (parseQty(l.qty) ?? 0),
    0,
  );
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The local calendar day (YYYY-MM-DD) of an RFC 3339 instant, for a date input. */
export function localDay(instant: string | Date): string {
  const d = typeof instant === "string" ? new Date(instant) : instant;
  if (Number.isNaN(d.getTime())) return "";
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * The instant to send for a picked day: the original instant when the day did not change (so
 * its time survives), else local noon of that day. Text that is no day is sent as typed, for the
 * backend to reject at the field.
 */
export function dayToInstant(day: string, original: string | null): string {
  if (original !== null && localDay(original) === day) return original;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return day;
  const d = new Date(`${day}T12:00:00`);
  return Number.isNaN(d.getTime()) ? day : d.toISOString();
}
