import { numberMarks, typingLanguage } from "../../money";

/**
 * A decimal as typed ("12.5", "12,5"), with up to `wholeDigits` before the mark and `decimals`
 * after it, in whole hundredths, thousandths…; null when it does not parse.
 */
function parseScaled(text: string, wholeDigits: number, decimals: number): number | null {
  const match = new RegExp(`^\\s*(\\d{1,${wholeDigits}})(?:[.,](\\d{1,${decimals}}))?\\s*$`).exec(
    text,
  );
  if (!match) return null;
  const [, whole = "0", fraction = ""] = match;
  return Number(whole) * 10 ** decimals + Number(fraction.padEnd(decimals, "0"));
}

/** A scaled whole number as a decimal without trailing zeros, with the language's decimal mark. */
function formatScaled(scaled: number, decimals: number, language: string): string {
  const unit = 10 ** decimals;
  const whole = Math.floor(scaled / unit);
  const fraction = String(scaled % unit)
    .padStart(decimals, "0")
    .replace(/0+$/, "");
  return fraction === "" ? String(whole) : `${whole}${numberMarks(language).decimal}${fraction}`;
}

/** Percent as typed ("12.5", "12,5") to basis points (1250); null when it does not parse. */
export const percentToBps = (text: string) => parseScaled(text, 3, 2);

/** Basis points as a percent without trailing zeros: 3000 → "30", 1250 → "12.5" ("12,5" in Dutch). */
export const bpsToPercent = (bps: number, language: string = typingLanguage()) =>
  formatScaled(bps, 2, language);

/** Kilograms as typed ("1.5", "0,25") to whole grams; null when it does not parse. */
export const kgToGrams = (text: string) => parseScaled(text, 4, 3);

/** Grams as kilograms without trailing zeros: 1500 → "1.5" ("1,5" in Dutch), 2000 → "2". */
export const gramsToKg = (grams: number, language: string = typingLanguage()) =>
  formatScaled(grams, 3, language);

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
