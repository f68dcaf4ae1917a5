import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import "../../files/blob.test-data";
import { keysOnly as t } from "../../testing/keys";
import { type ExportTable, safetyExport } from "./exports";
import { stockRow as row } from "./fixtures.test-data";
import { columnWidths, sheetName, xlsxOf } from "./xlsx";

type ReadCell = { text: string; numeric: boolean; bold: boolean };

/** Opens the workbook as a spreadsheet program would: the sheet's cells by address. */
async function readBack(table: ExportTable, name: string) {
  const files = unzipSync(new Uint8Array(await xlsxOf(table, name)));
  const xml = (path: string) => {
    const file = files[path];
    if (!file) throw new Error(`no ${path} in the workbook`);
    return new DOMParser().parseFromString(strFromU8(file), "application/xml");
  };
  const shared = [...xml("xl/sharedStrings.xml").getElementsByTagName("si")].map(
    (si) => si.textContent ?? "",
  );
  const styles = xml("xl/styles.xml");
  const fonts = [...styles.getElementsByTagName("font")];
  const formats = [...(styles.getElementsByTagName("cellXfs")[0]?.children ?? [])];
  const bold = (style: number) => {
    const font = fonts[Number(formats[style]?.getAttribute("fontId") ?? 0)];
    return (font?.getElementsByTagName("b").length ?? 0) > 0;
  };
  const cells = new Map<string, ReadCell>();
  for (const c of xml("xl/worksheets/sheet1.xml").getElementsByTagName("c")) {
    const v = c.getElementsByTagName("v")[0]?.textContent ?? "";
    const type = c.getAttribute("t");
    cells.set(c.getAttribute("r") ?? "", {
      text: type === "s" ? (shared[Number(v)] ?? "") : v,
      numeric: type === null || type === "n",
      bold: bold(Number(c.getAttribute("s") ?? 0)),
    });
  }
  const sheet = xml("xl/workbook.xml").getElementsByTagName("sheet")[0]?.getAttribute("name");
  const widths = [...xml("xl/worksheets/sheet1.xml").getElementsByTagName("col")].map((col) =>
    Number(col.getAttribute("width")),
  );
  return { cells, sheet, widths };
}

describe("XLSX exports", () => {
  it("writes a bold header, numbers as numbers and no data as no cell", async () => {
    const table = safetyExport(t, [row("MUG", null), row("=SUM(A1)", "Mug <large> & 12oz")]);
    const { cells, sheet } = await readBack(table, "Safety stock");
    expect(sheet).toBe("Safety stock");
    expect(cells.get("A1")).toEqual({ text: "reports.col.sku", numeric: false, bold: true });
    expect(cells.get("G1")).toEqual({ text: "reports.stock.below", numeric: false, bold: true });
    expect(cells.get("A2")).toEqual({ text: "MUG", numeric: false, bold: false });
    expect(cells.has("B2")).toBe(false);
    expect(cells.get("C2")).toEqual({ text: "-2", numeric: true, bold: false });
    expect(cells.get("F2")).toEqual({ text: "10", numeric: true, bold: false });
    expect(cells.get("G2")).toEqual({ text: "reports.yes", numeric: false, bold: false });
    // Text that looks like a formula stays text: a spreadsheet shows it and runs nothing.
    expect(cells.get("A3")).toEqual({ text: "=SUM(A1)", numeric: false, bold: false });
    expect(cells.get("B3")?.text).toBe("Mug <large> & 12oz");
  });

  it("keeps fractions exact and sizes columns to their content", async () => {
    const table: ExportTable = {
      header: ["Currency", "Net"],
      rows: [
        ["EUR", 1234.56],
        ["A very long description of a cost that goes on and on and on and on", 0.1],
      ],
    };
    const { cells, widths } = await readBack(table, "Cost");
    expect(Number(cells.get("B2")?.text)).toBe(1234.56);
    expect(Number(cells.get("B3")?.text)).toBe(0.1);
    expect(widths).toEqual(columnWidths(table));
    expect(widths[0]).toBe(60);
    expect(widths[1]).toBe(9);
  });

  it("writes tables whose sheet is too large for fflate to zip on the page by itself", async () => {
    const rows = Array.from({ length: 5_000 }, (_, i) => [`SKU-${i}`, i, i * 2.5]);
    const bytes = await xlsxOf({ header: ["SKU", "Orders", "Rate"], rows }, "Flags");
    const sheet = unzipSync(new Uint8Array(bytes))["xl/worksheets/sheet1.xml"];
    expect(sheet?.length).toBeGreaterThan(160_000);
    expect(strFromU8(sheet ?? new Uint8Array())).toContain(
      '<row r="5001"><c r="A5001" t="s"><v>5002</v></c><c r="B5001"><v>4999</v></c><c r="C5001"><v>12497.5</v></c></row>',
    );
  });
});

describe("sheet names", () => {
  it("leaves out what Excel refuses and keeps to 31 characters", () => {
    expect(sheetName("Failures by vendor")).toBe("Failures by vendor");
    expect(sheetName("Cost: scrap/rework [EUR] *?\\")).toBe("Cost scrap rework EUR");
    expect(sheetName("Reshipment timeliness and other long titles")).toBe(
      "Reshipment timeliness and other",
    );
    expect(sheetName("'quoted'")).toBe("quoted");
    expect(sheetName("[]")).toBe("Sheet1");
    expect(sheetName("按供应商统计的质检不合格")).toBe("按供应商统计的质检不合格");
    expect(Array.from(sheetName("😀".repeat(40)))).toHaveLength(31);
  });

  it("gives CJK text double width", () => {
    expect(columnWidths({ header: ["供应商名称供应商名称"], rows: [] })).toEqual([22]);
  });
});
