import type { TFunction } from "i18next";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { apiErrorOf, errorMessage, translateKey } from "../../errors/apiError";

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

/**
 * A page form's errors, set from its own checks (message keys, with `params` for them) or from
 * the backend's refusal, where `place` puts each field error at a field (or null: under the
 * form, as does an error that names no field).
 */
export function useFormErrors() {
  const { t } = useTranslation();
  const [errors, setErrors] = useState(NO_ERRORS);
  return {
    errors,
    clear: () => setErrors(NO_ERRORS),
    refuse: (byField: Record<string, string>, params?: Record<string, unknown>) =>
      setErrors({
        at: Object.fromEntries(Object.entries(byField).map(([k, v]) => [k, t(v, params)])),
        other: [],
      }),
    refused: (err: unknown, place: (field: string) => string | null) => {
      const split = splitFieldErrors(t, err, place);
      if (Object.keys(split.at).length === 0 && split.other.length === 0)
        split.other.push(errorMessage(t, err));
      setErrors(split);
    },
  };
}
