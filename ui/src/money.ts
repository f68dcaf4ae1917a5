/**
 * Money in the UI: integer minor units shown in the reader's language, and amounts typed as
 * decimals turned into minor units. How many decimals a currency has is the backend's rule alone
 * (`setup_status.currencies`, installed at start by Boot): 1234 minor units are 12.34 EUR but
 * 1,234 JPY, and the PDFs print them with the same table.
 */
import type { TFunction } from "i18next";
import type { Currency } from "./backend/bindings/Currency";
import { numberFormat } from "./intl";

let exponents = new Map<string, number>();
/** The language amounts are typed and prefilled in ("12,50" in Dutch); i18n keeps it current. */
let typing = "en";

/** Follows the reader's language (called from i18n), so every money field reads it alike. */
export function setMoneyLanguage(language: string) {
  typing = language;
}

/** The language amounts and other decimals are typed in now. */
export function typingLanguage(): string {
  return typing;
}

/** The language's decimal and grouping marks ("," and "." in Dutch, "." and "," in English). */
export function numberMarks(language: string): { decimal: string; group: string } {
  const parts = numberFormat(language).formatToParts(12345.6);
  return {
    decimal: parts.find((p) => p.type === "decimal")?.value ?? ".",
    group: parts.find((p) => p.type === "group")?.value ?? ",",
  };
}

const literal = (mark: string) => mark.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * A typed number in the language's own marks ("1.234,50" in Dutch, "1,234.50" in English) as
 * plain digits with a "." before the decimals ("1234.50"); null when it is not written that way.
 * A single "." or "," with no grouping around it is taken as the decimal mark whatever the
 * language, so "12.50" still reads in Dutch and "12,50" in English.
 */
export function plainNumber(text: string, language: string = typing): string | null {
  const { decimal, group } = numberMarks(language);
  // Intl groups French and others with a narrow no-break space: any space groups.
  const compact = text.trim().replace(/[\s\u00a0\u202f]/g, "");
  const spaced = /[\s\u00a0\u202f]/.test(group);
  const g = spaced ? "" : literal(group);
  const d = literal(decimal);
  const grouped = new RegExp(`^(-)?(\\d{1,3}(?:${g}\\d{3})+|\\d+)(?:${d}(\\d+))?$`).exec(compact);
  if (grouped) {
    const [, sign = "", whole = "", fraction] = grouped;
    const digits = g === "" ? whole : whole.replaceAll(group, "");
    return `${sign}${digits}${fraction === undefined ? "" : `.${fraction}`}`;
  }
  const loose = /^(-)?(\d+)(?:[.,](\d+))?$/.exec(compact);
  if (!loose) return null;
  const [, sign = "", whole = "", fraction] = loose;
  return `${sign}${whole}${fraction === undefined ? "" : `.${fraction}`}`;
}

/** Takes the backend's table; called once the app has it, before any amount is shown. */
export function installCurrencies(currencies: Currency[]) {
  exponents = new Map(currencies.map((c) => [c.code, c.exponent]));
}

/** The codes the backend accepts, in its order (the common ones first). */
export function currencyCodes(): string[] {
  return [...exponents.keys()];
}

/** The currency's decimals as the backend serves them; undefined for a code it does not accept. */
export function exponentOf(currency: string): number | undefined {
  return exponents.get(currency);
}

/** Integer minor units as money in the UI language ("¥1,234", "€12.34", "KWD 1.250"). */
export function formatMoney(minor: number, currency: string, language: string): string {
  const decimals = exponentOf(currency);
  // The backend refuses every code outside its table, so this is a code it never sent; the
  // amount is shown as the minor units it is rather than scaled by a guess.
  if (decimals === undefined) return `${minor} ${currency}`;
  return numberFormat(language, {
    style: "currency",
    currency,
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(minor / 10 ** decimals);
}

/** Backend money text ("1,234.50 EUR", "1,500 JPY") in the reader's language; anything else as it is. */
export function moneyInLanguage(value: string, language: string): string {
  const match = /^(-?)([\d,]+)(?:\.(\d+))? ([A-Z]{3})$/.exec(value);
  if (!match) return value;
  const [, sign = "", units = "", fraction = "", currency = ""] = match;
  if (exponentOf(currency) !== fraction.length) return value;
  return formatMoney(Number(`${sign}${units.replaceAll(",", "")}${fraction}`), currency, language);
}

/** Why a typed amount is not money of its currency: a message key of `money.*`. */
export type MoneyProblem =
  | "money.bad_amount"
  | "money.no_decimals"
  | "money.too_many_decimals"
  | "money.unknown_currency";

export type ParsedMoney = { ok: true; minor: number } | { ok: false; problem: MoneyProblem };

/**
 * An amount typed in the reader's language ("12,50" or "1.234,50" in Dutch, "1,234.50" in
 * English, "12.50" and "1234" anywhere) in minor units of `currency`. Parsing
 * the digits, not a float, keeps every minor unit exact; more decimals than the currency has are
 * refused rather than rounded ("12.5" yen is no amount anyone can pay).
 */
export function parseMoney(text: string, currency: string, language: string = typing): ParsedMoney {
  const decimals = exponentOf(currency);
  if (decimals === undefined) return { ok: false, problem: "money.unknown_currency" };
  const plain = plainNumber(text, language);
  const match = plain === null ? null : /^(-)?(\d{1,15})(?:\.(\d+))?$/.exec(plain);
  if (!match) return { ok: false, problem: "money.bad_amount" };
  const [, sign, whole = "0", fraction = ""] = match;
  if (fraction.length > decimals) {
    return { ok: false, problem: decimals === 0 ? "money.no_decimals" : "money.too_many_decimals" };
  }
  const minor = Number(`${whole}${fraction.padEnd(decimals, "0")}`);
  if (!Number.isSafeInteger(minor)) return { ok: false, problem: "money.bad_amount" };
  return { ok: true, minor: sign ? -minor : minor };
}

/** The minor units of a typed amount, or null when it is not one (see `parseMoney` for why). */
export function toMinor(text: string, currency: string): number | null {
  const parsed = parseMoney(text, currency);
  return parsed.ok ? parsed.minor : null;
}

/**
 * Minor units as the text a user would type: "12.50" EUR ("12,50" in Dutch), "1234" JPY, "1.250" KWD. A code the
 * backend never sent shows its minor units, as `formatMoney` does, rather than a guessed scale.
 */
export function fromMinor(minor: number, currency: string, language: string = typing): string {
  return plainMinor(minor, currency).replace(".", numberMarks(language).decimal);
}

/** Minor units as digits with a "." before the decimals, whatever the language (for files). */
function plainMinor(minor: number, currency: string): string {
  const decimals = exponentOf(currency) ?? 0;
  const sign = minor < 0 ? "-" : "";
  const digits = String(Math.abs(minor)).padStart(decimals + 1, "0");
  if (decimals === 0) return `${sign}${digits}`;
  return `${sign}${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
}

/** 1234.5 in minor units where the currency has decimals ("1234.50", "1234.500"), else 1234. */
function example(decimals: number): number {
  return 1234 * 10 ** decimals + (decimals > 0 ? 5 * 10 ** (decimals - 1) : 0);
}

/**
 * What a `money.*` message says about the currency: its code, its decimals and an amount typed
 * the way it takes them. Pass with any money field's message; other messages ignore them.
 */
export function moneyParams(currency: string): Record<string, string> {
  const decimals = exponentOf(currency);
  return {
    currency,
    decimals: String(decimals ?? ""),
    example: decimals === undefined ? "" : fromMinor(example(decimals), currency),
  };
}

export type ReadAmount = { ok: true; minor: number } | { ok: false; error: string };

/** A typed amount's minor units, or why it is not one in the reader's language. */
export function readAmount(t: TFunction, text: string, currency: string): ReadAmount {
  const parsed = parseMoney(text, currency);
  return parsed.ok ? parsed : { ok: false, error: t(parsed.problem, moneyParams(currency)) };
}

/** Minor units as a number of major units (12.34 for 1234 EUR, 1234 for 1234 JPY), for spreadsheets. */
export function toMajor(minor: number, currency: string): number {
  return Number(plainMinor(minor, currency));
}
