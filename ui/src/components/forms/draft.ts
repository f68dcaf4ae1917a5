import { useState } from "react";

/** The keys of `T` whose values are of type `V`. */
type KeysOf<T, V> = { [K in keyof T]: T[K] extends V ? K : never }[keyof T] & string;

/** A form's draft: one object of its fields, each set by its key. */
export function useDraft<T extends object>(initial: T | (() => T)) {
  const [draft, setDraft] = useState<T>(initial);
  const set = <K extends keyof T>(key: K, value: T[K]) =>
    setDraft((current) => ({ ...current, [key]: value }));
  return { draft, set, setDraft };
}

/**
 * The glue between a draft and its inputs: `{...fields.text("note")}` gives an input its
 * label (`label(key)`, the field's own name unless `key` is given), its value, what writes it
 * back, and the backend's error for that field.
 */
export function bindFields<T extends object>(
  { draft, set }: { draft: T; set: <K extends keyof T>(key: K, value: T[K]) => void },
  errors: Record<string, string>,
  label: (key: string) => string,
) {
  const base = (name: string, key?: string) => ({ label: label(key ?? name), error: errors[name] });
  return {
    /** A text input, a text area or a native select. */
    text: <K extends KeysOf<T, string>>(name: K, key?: string) => ({
      ...base(name, key),
      value: draft[name] as string,
      onChange: (e: { currentTarget: { value: string } }) =>
        set(name, e.currentTarget.value as T[K]),
    }),
    number: <K extends KeysOf<T, number | string>>(name: K, key?: string) => ({
      ...base(name, key),
      value: draft[name] as number | string,
      onChange: (value: number | string) => set(name, value as T[K]),
    }),
    /** An input that hands back the value itself: a `DateField` (the ISO day), a `PersonSelect`. */
    value: <K extends KeysOf<T, string>>(name: K, key?: string) => ({
      ...base(name, key),
      value: draft[name] as string,
      onChange: (value: string) => set(name, value as T[K]),
    }),
  };
}

/** The errors of the fields under `prefix` ("scrap.method"), by their own names ("method"). */
export function errorsUnder(errors: Record<string, string>, prefix: string) {
  return Object.fromEntries(
    Object.entries(errors)
      .filter(([field]) => field.startsWith(`${prefix}.`))
      .map(([field, message]) => [field.slice(prefix.length + 1), message]),
  );
}
