import { describe, expect, it } from "vitest";
import { keysOnly as t } from "../../testing/keys";
import { costValue } from "./cost";
import { csvOf, safetyExport } from "./exports";
import { stockRow as row } from "./fixtures.test-data";

describe("CSV exports", () => {
  it("neutralises cells a spreadsheet would run as formulas", () => {
    const csv = csvOf(
      safetyExport(t, [row("=SUM(A1)", "+cmd"), row("-x", "@me"), row("MUG", 'Mug "large", 12oz')]),
    );
    const lines = csv.split("\r\n");
    expect(lines[1]).toBe("'=SUM(A1),'+cmd,-2,1,0,10,reports.yes,0,,0,SZHQ");
    expect(lines[2]).toBe("'-x,'@me,-2,1,0,10,reports.yes,0,,0,SZHQ");
    expect(lines[3]).toBe('MUG,"Mug ""large"", 12oz",-2,1,0,10,reports.yes,0,,0,SZHQ');
  });

  it("keeps numbers as numbers and writes no data as an empty cell", () => {
    const csv = csvOf(safetyExport(t, [row("MUG", null)]));
    expect(csv.split("\r\n")[1]).toBe("MUG,,-2,1,0,10,reports.yes,0,,0,SZHQ");
    expect(csv.endsWith("\r\n")).toBe(true);
  });
});

describe("cost of quality rows", () => {
  it("counts recoveries against the cost and has no value without data", () => {
    const cost = {
      currency: "EUR",
      scrap_minor: 1000,
      rework_minor: 0,
      reshipment_shipping_minor: 500,
      reshipment_goods_minor: 0,
      refunds_minor: 0,
      store_credit_minor: 0,
      reinspection_minor: 0,
      return_to_vendor_minor: 0,
      chargebacks_recovered_minor: 300,
      net_minor: 1200,
    };
    expect(costValue(cost, "chargebacks_recovered_minor")).toBe(-300);
    // Nothing recovered reads 0, never "-0" (printed "-€0.00").
    expect(
      Object.is(
        costValue({ ...cost, chargebacks_recovered_minor: 0 }, "chargebacks_recovered_minor"),
        0,
      ),
    ).toBe(true);
    expect(costValue(cost, "net_minor")).toBe(1200);
    expect(costValue(null, "scrap_minor")).toBeNull();
  });
});
