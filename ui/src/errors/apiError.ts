import type { TFunction } from "i18next";
import type { ApiError } from "../backend/bindings/ApiError";
import { ApiFailure } from "../backend/call";

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
export function translateKey(
  t: TFunction,
  key: string,
  params: Record<string, string>,
  code?: string,
): string {
  const fallback = code ? t(`error.code.${code}`, params) : t("error.internal", params);
  return t(key, { ...params, defaultValue: fallback });
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
