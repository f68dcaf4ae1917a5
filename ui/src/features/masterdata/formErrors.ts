import type { TFunction } from "i18next";
import { apiErrorOf, translateKey } from "../../errors/apiError";

/** The errors of a failed save: those shown at a form field, and the rest as sentences. */
export type FormErrors = { at: Record<string, string>; other: string[] };

export const NO_ERRORS: FormErrors = { at: {}, other: [] };

/**
 * Sorts the backend's field errors: `place` names the form field showing one (or null when no
 * field can), so that no error is silently dropped. A field keeps its first error.
 */
export function splitFieldErrors(
  t: TFunction,
  err: unknown,
  place: (field: string) => string | null,
): FormErrors {
  const out: FormErrors = { at: {}, other: [] };
  for (const f of apiErrorOf(err).fields) {
    const message = translateKey(t, f.message_key, f.params);
    const at = f.row === null ? place(f.field) : null;
    if (at === null) {
      if (!out.other.includes(message)) out.other.push(message);
    } else if (out.at[at] === undefined) out.at[at] = message;
  }
  return out;
}
