import { numberMarks, typingLanguage } from "../../money";

/** Percent as typed ("12.5", "12,5") to basis points (1250); null when it does not parse. */
export function percentToBps(text: string): number | null {
  const match = /^\s*(\d{1,3})(?:[.,](\d{1,2}))?\s*$/.exec(text);
  if (!match) return null;
  const [, whole = "0", fraction = ""] = match;
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
}

/** Basis points as a percent without trailing zeros: 3000 → "30", 1250 → "12.5" ("12,5" in Dutch). */
export function bpsToPercent(bps: number, language: string = typingLanguage()): string {
  const whole = Math.floor(bps / 100);
  const fraction = String(bps % 100)
    .padStart(2, "0")
    .replace(/0+$/, "");
  return fraction === "" ? String(whole) : `${whole}${numberMarks(language).decimal}${fraction}`;
}

/** Kilograms as typed ("1.5", "0,25") to whole grams; null when it does not parse. */
export function kgToGrams(text: string): number | null {
  const match = /^\s*(\d{1,4})(?:[.,](\d{1,3}))?\s*$/.exec(text);
  if (!match) return null;
  const [, whole = "0", fraction = ""] = match;
  return Number(whole) * 1000 + Number(fraction.padEnd(3, "0"));
}

/** Grams as kilograms without trailing zeros: 1500 → "1.5" ("1,5" in Dutch), 2000 → "2". */
export function gramsToKg(grams: number, language: string = typingLanguage()): string {
  const whole = Math.floor(grams / 1000);
  const fraction = String(grams % 1000)
    .padStart(3, "0")
    .replace(/0+$/, "");
  return fraction === "" ? String(whole) : `${whole}${numberMarks(language).decimal}${fraction}`;
}

/** A whole number as typed, or null. */
export function wholeNumber(text: string): number | null {
  const trimmed = text.trim();
  return /^\d{1,9}$/.test(trimmed) ? Number(trimmed) : null;
}

/** How long since an instant, as the largest whole unit: minutes, hours or days. */
export function age(
  since: string,
  now: Date,
): { unit: "minutes" | "hours" | "days"; count: number } | null {
  const start = new Date(since).getTime();
  if (Number.isNaN(start)) return null;
  const minutes = Math.max(0, Math.floor((now.getTime() - start) / 60_000));
  if (minutes < 60) return { unit: "minutes", count: minutes };
  if (minutes < 48 * 60) return { unit: "hours", count: Math.floor(minutes / 60) };
  return { unit: "days", count: Math.floor(minutes / (24 * 60)) };
}
