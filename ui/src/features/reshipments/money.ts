import { fromMinor } from "../masterdata/money";

/** Minor units as plain "120.00 EUR": exact, language-neutral, used inside sentences. */
export function moneyText(minor: number, currency: string): string {
  return `${fromMinor(minor)} ${currency}`;
}
