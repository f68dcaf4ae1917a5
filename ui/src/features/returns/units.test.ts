import { age, bpsToPercent, gramsToKg, kgToGrams, percentToBps, wholeNumber } from "./units";

describe("returns units", () => {
  it("parses and shows percentages as basis points", () => {
    expect(percentToBps("30")).toBe(3000);
    expect(percentToBps("12,5")).toBe(1250);
    expect(percentToBps("0.01")).toBe(1);
    expect(percentToBps("abc")).toBeNull();
    expect(percentToBps("1.234")).toBeNull();
    expect(bpsToPercent(3000)).toBe("30");
    expect(bpsToPercent(1250)).toBe("12.5");
    expect(bpsToPercent(1)).toBe("0.01");
  });

  it("parses and shows kilograms as grams", () => {
    expect(kgToGrams("1.5")).toBe(1500);
    expect(kgToGrams("0,25")).toBe(250);
    expect(kgToGrams("2")).toBe(2000);
    expect(kgToGrams("-1")).toBeNull();
    expect(gramsToKg(1500)).toBe("1.5");
    expect(gramsToKg(2000)).toBe("2");
    expect(gramsToKg(250)).toBe("0.25");
  });

  it("reads whole numbers only", () => {
    expect(wholeNumber(" 30 ")).toBe(30);
    expect(wholeNumber("3.5")).toBeNull();
    expect(wholeNumber("")).toBeNull();
  });

  it("tells the age in the largest whole unit", () => {
    const now = new Date("2026-11-30T12:00:00Z");
    expect(age("2026-11-30T11:30:00Z", now)).toEqual({ unit: "minutes", count: 30 });
    expect(age("2026-11-29T12:00:00Z", now)).toEqual({ unit: "hours", count: 24 });
    expect(age("2026-11-25T12:00:00Z", now)).toEqual({ unit: "days", count: 5 });
    expect(age("nonsense", now)).toBeNull();
  });
});
