/**
 * Dates as people type and read them: in their language's order ("31-12-2026" in Dutch,
 * "2026/12/31" in Chinese, "12/31/2026" in English), held as ISO "2026-12-31" for the backend.
 */
import { dateTimeFormat } from "./intl";

type Part = "year" | "month" | "day";

/** The language's order of day, month and year, and the mark between them. */
function layout(language: string): { order: Part[]; mark: string } {
  const parts = dateTimeFormat(language, {
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(new Date(Date.UTC(2026, 11, 31)));
  const order = parts
    .map((p) => p.type)
    .filter((t): t is Part => t === "year" || t === "month" || t === "day");
  const mark = parts.find((p) => p.type === "literal")?.value.trim() || "-";
  return { order, mark };
}

/** An ISO date in the language's order ("2026-12-31" → "31-12-2026" in Dutch); "" for "". */
export function formatDateInput(iso: string, language: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return "";
  const [, year = "", month = "", day = ""] = match;
  const values: Record<Part, string> = { year, month, day };
  const { order, mark } = layout(language);
  return order.map((p) => values[p]).join(mark);
}

export type ReadDate = { ok: true; iso: string } | { ok: false };

/**
 * A date typed in the language's order, with any of "-", "/", "." or spaces between its parts,
 * or as ISO (a four-digit year first); "" reads as no date. A day that does not exist
 * ("31-02-2026") or an order that cannot be read is refused rather than guessed.
 */
export function readDateInput(text: string, language: string): ReadDate {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: true, iso: "" };
  const numbers = trimmed.split(/[\s./-]+/);
  if (numbers.length !== 3 || numbers.some((n) => !/^\d{1,4}$/.test(n))) return { ok: false };
  const order: Part[] =
    (numbers[0] ?? "").length === 4 ? ["year", "month", "day"] : layout(language).order;
  const value = (part: Part) => Number(numbers[order.indexOf(part)]);
  const [year, month, day] = [value("year"), value("month"), value("day")];
  if (String(numbers[order.indexOf("year")]).length !== 4) return { ok: false };
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  ) {
    return { ok: false };
  }
  return { ok: true, iso: date.toISOString().slice(0, 10) };
}
