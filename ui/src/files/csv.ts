export type Cell = string | number | null | undefined;

/**
 * Spreadsheets run a cell starting with = + - @ (also after blanks, and the full-width ＝＋－＠)
 * or a tab / carriage return as a formula, and lot data comes from suppliers and customers: such
 * text is prefixed with a quote, by the same rule as the backend's exports
 * (crates/domain/src/csv_cell.rs). A plain number such as "-5" is no formula and stays as it is.
 */
const TRIGGER = /^[\s\u3000]*[=+\-@＝＋－＠]/;
const PLAIN_NUMBER = /^[+-]?[0-9]+(\.[0-9]+)?$/;
const risky = (cell: string): boolean =>
  /^[\t\r\n]/.test(cell) || (TRIGGER.test(cell) && !PLAIN_NUMBER.test(cell));
const quoted = (cell: string): boolean =>
  cell.startsWith("'") && (risky(cell.slice(1)) || quoted(cell.slice(1)));

export function defuse(cell: string): string {
  return risky(cell) || quoted(cell) ? `'${cell}` : cell;
}

function field(cell: Cell): string {
  if (cell === null || cell === undefined) return "";
  const text = typeof cell === "number" ? String(cell) : defuse(cell);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** RFC 4180 CSV: a header line, then one line per row, CRLF line ends. */
export function toCsv(header: string[], rows: Cell[][]): string {
  return [header, ...rows]
    .map((row) => row.map(field).join(","))
    .join("\r\n")
    .concat("\r\n");
}

/** A file name made from a lot code, which may hold characters file systems refuse. */
export function fileSafe(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]+/g, "_");
}
