import i18next, { type TFunction } from "i18next";
import type { ApiError } from "../backend/bindings/ApiError";
import { ApiFailure } from "../backend/call";
import { listFormat } from "../intl";

/** The error carried by a thrown value, or an internal error describing it. */
export function apiErrorOf(err: unknown): ApiError {
  if (err instanceof ApiFailure) return err.error;
  return {
    code: "internal",
    message_key: "error.internal",
    params: { detail: String(err) },
    fields: [],
  };
}

/** A translated message for a key sent by the backend, with a generic fallback per code. */
/**
 * Params the backend sends as stable codes (a status such as `cancelled`) that must read as words
 * of the user's language inside a sentence: which params of which messages, and where the words are.
 */
const WORD_PARAMS: ReadonlyArray<{ keyPrefix: string; param: string; words: string }> = [
  { keyPrefix: "error.reshipment.", param: "status", words: "reshipment.status_word" },
  { keyPrefix: "error.rma.", param: "status", words: "rma.status_word" },
  { keyPrefix: "error.rma.", param: "reshipment_status", words: "reshipment.status_word" },
  {
    keyPrefix: "error.chargeback.reshipment_closed",
    param: "status",
    words: "reshipment.status_word",
  },
  {
    keyPrefix: "error.chargeback.bad_transition",
    param: "from",
    words: "reshipment.chargeback.status",
  },
  {
    keyPrefix: "error.chargeback.bad_transition",
    param: "to",
    words: "reshipment.chargeback.status",
  },
];

/** A list of role codes (`admin, quality_lead`) as the reader's language names them. */
function roleNames(t: TFunction, codes: string): string {
  const names = codes
    .split(",")
    .map((code) => code.trim())
    .filter(Boolean)
    .map((code) => t(`role.${code}`, { defaultValue: code }));
  return listFormat(i18next.language || "en", { type: "disjunction" }).format(names);
}

function withWords(
  t: TFunction,
  key: string,
  params: Record<string, string>,
): Record<string, string> {
  let out = params;
  // Who may do it, in words: the backend names the roles by their codes.
  if (key.startsWith("error.forbidden.") && params.roles !== undefined) {
    out = { ...out, roles: roleNames(t, params.roles) };
  }
  for (const rule of WORD_PARAMS) {
    const value = params[rule.param];
    if (value === undefined || !key.startsWith(rule.keyPrefix)) continue;
    out = { ...out, [rule.param]: t(`${rule.words}.${value}`, { defaultValue: value }) };
  }
  return out;
}

export function translateKey(
  t: TFunction,
  key: string,
  params: Record<string, string>,
  code?: string,
): string {
  const words = withWords(t, key, params);
  const fallback = code ? t(`error.code.${code}`, words) : t("error.internal", words);
  return t(key, { ...words, defaultValue: fallback });
}

export function errorMessage(t: TFunction, err: unknown): string {
  const e = apiErrorOf(err);
  return translateKey(t, e.message_key, e.params, e.code);
}

/** Field name -> translated message, for showing errors next to form fields. */
export function fieldErrors(t: TFunction, err: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of apiErrorOf(err).fields) {
    if (f.row === null && out[f.field] === undefined) {
      out[f.field] = translateKey(t, f.message_key, f.params);
    }
  }
  return out;
}
