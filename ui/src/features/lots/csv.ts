export type Cell = string | number | null | undefined;

/**
 * Spreadsheets run a cell starting with = + - @ (or a tab / carriage return) as a formula, and
 * lot data comes from suppliers and customers: such text is prefixed with a quote, as the
 * backend's own exports do. Numbers are written as numbers; a negative quantity is no formula.
 */
export function defuse(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
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
