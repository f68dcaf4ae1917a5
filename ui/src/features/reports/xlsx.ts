import writeXlsxFile, { type Cell as SheetCell, type SheetData } from "write-excel-file/browser";
import type { Cell } from "../../files/csv";
import type { ExportTable } from "./exports";

/** Excel refuses longer sheet names, and these characters in them. */
const MAX_SHEET_NAME = 31;
const FORBIDDEN = /[[\]:*?/\\]+/g;
const MIN_WIDTH = 8;
const MAX_WIDTH = 60;

/** A name Excel accepts for a sheet, made from a table's name. */
export function sheetName(name: string): string {
  const cleaned = name.replace(FORBIDDEN, " ").replace(/\s+/g, " ").trim();
  // Code points, not UTF-16 units, so a character outside the BMP is never cut in half.
  const cut = Array.from(cleaned).slice(0, MAX_SHEET_NAME).join("");
  // Excel also refuses a name that starts or ends with an apostrophe.
  const trimmed = cut.replace(/^'+|'+$/g, "").trim();
  return trimmed === "" ? "Sheet1" : trimmed;
}

/** Roughly how many characters wide a cell shows, CJK characters counting double. */
function shownWidth(cell: Cell): number {
  if (cell === null || cell === undefined) return 0;
  let width = 0;
  for (const ch of String(cell))
    width +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
        ch,
      )
        ? 2
        : 1;
  return width;
}

/** Each column as wide as its widest cell, within limits so one long text does not take over. */
export function columnWidths(table: ExportTable): number[] {
  return table.header.map((title, i) => {
    const widest = Math.max(shownWidth(title), ...table.rows.map((row) => shownWidth(row[i])));
    return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widest + 2));
  });
}

function sheetCell(cell: Cell): SheetCell {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === "number") return Number.isFinite(cell) ? { value: cell, type: Number } : null;
  // Text stays text: a value starting with = is written as a string, never as a formula.
  return { value: cell, type: String };
}

/** The table as an .xlsx file: a bold, frozen header row, then the rows. */
export async function xlsxOf(table: ExportTable, name: string): Promise<ArrayBuffer> {
  const data: SheetData = [
    table.header.map((title) => ({ value: title, type: String, fontWeight: "bold" as const })),
    ...table.rows.map((row) => table.header.map((_, i) => sheetCell(row[i]))),
  ];
  const blob = await writeXlsxFile(data, {
    sheet: sheetName(name),
    columns: columnWidths(table).map((width) => ({ width })),
    stickyRowsCount: 1,
  }).toBlob();
  return blob.arrayBuffer();
}
