import { dayToInstant, linesTotal, localDay, parseLines, parseQty } from "./orderLines";

describe("order lines", () => {
  it("numbers good lines and sends prices as exact minor units", () => {
    const parsed = parseLines(
      [
        { sku: " A-1 ", qty: "3", price: "19.99" },
        { sku: "B-2", qty: " 1 ", price: "0,10" },
      ],
      "EUR",
    );
    expect(parsed).toEqual({
      ok: true,
      lines: [
        { line_no: 1, sku: "A-1", qty: 3, unit_price_minor: 1999 },
        { line_no: 2, sku: "B-2", qty: 1, unit_price_minor: 10 },
      ],
    });
  });

  it("names every problem at its line and column", () => {
    const parsed = parseLines(
      [
        { sku: "A", qty: "1", price: "1.00" },
        { sku: " ", qty: "0", price: "1.234" },
        { sku: "C", qty: "2.5", price: "-1" },
      ],
      "EUR",
    );
    expect(parsed).toEqual({
      ok: false,
      problems: {
        1: { sku: "required", qty: "bad_qty", price: "money.too_many_decimals" },
        2: { qty: "bad_qty", price: "negative" },
      },
    });
  });

  it("accepts only whole quantities above zero", () => {
    expect(parseQty("12")).toBe(12);
    for (const bad of ["", "0", "-1", "1.5", "1e2", "abc"]) expect(parseQty(bad)).toBeNull();
  });

  it("totals without float drift, skipping lines that do not parse yet", () => {
    const lines = [
      { sku: "A", qty: "3", price: "0.10" },
      { sku: "B", qty: "1", price: "0.20" },
      { sku: "C", qty: "x", price: "5" },
    ];
    expect(linesTotal(lines, "EUR")).toBe(50);
  });

  it("reads prices in the order's currency: whole yen", () => {
    const lines = [{ sku: "A", qty: "3", price: "1980" }];
    expect(parseLines(lines, "JPY")).toEqual({
      ok: true,
      lines: [{ line_no: 1, sku: "A", qty: 3, unit_price_minor: 1980 }],
    });
    expect(linesTotal(lines, "JPY")).toBe(5940);
    expect(parseLines([{ sku: "A", qty: "1", price: "19.80" }], "JPY")).toEqual({
      ok: false,
      problems: { 0: { price: "money.no_decimals" } },
    });
  });
});

describe("order date", () => {
  it("keeps the original instant when the day is unchanged", () => {
    const original = new Date(2026, 10, 3, 8, 15).toISOString();
    expect(dayToInstant(localDay(original), original)).toBe(original);
  });

  it("sends local noon of a newly picked day", () => {
    const sent = new Date(dayToInstant("2026-11-24", null));
    expect(localDay(sent)).toBe("2026-11-24");
    expect(sent.getHours()).toBe(12);
  });

  it("passes text that is no day through for the backend to reject", () => {
    expect(dayToInstant("", null)).toBe("");
    expect(localDay("not a date")).toBe("");
  });
});
