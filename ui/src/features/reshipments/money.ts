import { formatMoney } from "../../money";

/** Minor units as money in the reader's language ("€ 120,00" in Dutch), for use inside sentences. */
export function moneyText(minor: number, currency: string, language: string): string {
  return formatMoney(minor, currency, language);
}
