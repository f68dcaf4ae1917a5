/**
 * The Intl formatters, each made once per language and options and then reused. Making one is
 * slow (ICU loads and builds its patterns each time), and a list formats a date or an amount in
 * every cell it draws, again on every scroll.
 */

type Formatter = Intl.DateTimeFormat | Intl.NumberFormat | Intl.ListFormat;

/** Languages × option sets in use are a few dozen; the bound only guards against a runaway key. */
const LIMIT = 500;
const made = new Map<string, Formatter>();

function once<F extends Formatter>(key: string, make: () => F): F {
  const found = made.get(key);
  if (found) return found as F;
  if (made.size >= LIMIT) made.clear();
  const formatter = make();
  made.set(key, formatter);
  return formatter;
}

/** A maker of one kind of formatter that hands out the one already made for the same arguments. */
function reused<O, F extends Formatter>(kind: string, make: (language: string, options: O) => F) {
  return (language: string, options: O = {} as O): F =>
    once(`${kind}|${language}|${JSON.stringify(options)}`, () => make(language, options));
}

export const dateTimeFormat = reused(
  "date",
  (language, options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(language, options),
);

export const numberFormat = reused(
  "number",
  (language, options: Intl.NumberFormatOptions) => new Intl.NumberFormat(language, options),
);

export const listFormat = reused(
  "list",
  (language, options: Intl.ListFormatOptions) => new Intl.ListFormat(language, options),
);
