import { describe, expect, it } from "vitest";
import { addDays, defaultPeriod, isValidPeriod, presetOf, presetPeriod } from "./period";

// 15 March 2026, local time; months and leap years are the tricky part.
const today = new Date(2026, 2, 15, 13, 45);

describe("period presets", () => {
  it("counts both ends: the last 7 and 30 days end today", () => {
    expect(presetPeriod("last_7", today)).toEqual({ from: "2026-03-09", to: "2026-03-15" });
    expect(presetPeriod("last_30", today)).toEqual({ from: "2026-02-14", to: "2026-03-15" });
  });

  it("takes this month to today and last month whole", () => {
    expect(presetPeriod("this_month", today)).toEqual({ from: "2026-03-01", to: "2026-03-15" });
    expect(presetPeriod("last_month", today)).toEqual({ from: "2026-02-01", to: "2026-02-28" });
  });

  it("takes last month across a year end and in a leap year", () => {
    expect(presetPeriod("last_month", new Date(2027, 0, 5))).toEqual({
      from: "2026-12-01",
      to: "2026-12-31",
    });
    expect(presetPeriod("last_month", new Date(2028, 2, 1))).toEqual({
      from: "2028-02-01",
      to: "2028-02-29",
    });
  });

  it("defaults to the last 30 days and recognises a preset", () => {
    const period = defaultPeriod(today);
    expect(presetOf(period, today)).toBe("last_30");
    expect(presetOf({ from: "2026-03-02", to: "2026-03-15" }, today)).toBeNull();
  });

  it("moves days across month ends", () => {
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
  });

  it("accepts only real days in order", () => {
    expect(isValidPeriod({ from: "2026-03-01", to: "2026-03-01" })).toBe(true);
    expect(isValidPeriod({ from: "2026-03-02", to: "2026-03-01" })).toBe(false);
    expect(isValidPeriod({ from: "2026-02-30", to: "2026-03-01" })).toBe(false);
    expect(isValidPeriod({ from: "", to: "2026-03-01" })).toBe(false);
  });
});
