/**
 * Money is typed as a decimal ("12.50", "12,50") and stored as integer minor units (1250).
 * Parsing the digits, not a float, keeps every cent exact.
 */
export function toMinor(text: string): number | null {
  const match = /^\s*(-)?(\d{1,13})(?:[.,](\d{1,2}))?\s*$/.exec(text);
  if (!match) return null;
  const [, sign, whole = "0", fraction = ""] = match;
  const minor = Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
  return sign ? -minor : minor;
}

export function fromMinor(minor: number): string {
  const sign = minor < 0 ? "-" : "";
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}
