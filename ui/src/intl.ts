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

export function dateTimeFormat(
  language: string,
  options: Intl.DateTimeFormatOptions = {},
): Intl.DateTimeFormat {
  return once(
    `date|${language}|${JSON.stringify(options)}`,
    () => new Intl.DateTimeFormat(language, options),
  );
}

export function numberFormat(
  language: string,
  options: Intl.NumberFormatOptions = {},
): Intl.NumberFormat {
  return once(
    `number|${language}|${JSON.stringify(options)}`,
    () => new Intl.NumberFormat(language, options),
  );
}

export function listFormat(
  language: string,
  options: Intl.ListFormatOptions = {},
): Intl.ListFormat {
  return once(
    `list|${language}|${JSON.stringify(options)}`,
    () => new Intl.ListFormat(language, options),
  );
}
