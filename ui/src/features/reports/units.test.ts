import { describe, expect, it } from "vitest";
import {
  formatBps,
  formatChange,
  formatKpiValue,
  formatMinutesAsHours,
  NO_DATA,
  ratingColor,
  stateColor,
} from "./units";

describe("KPI values per unit", () => {
  it("reads basis points as percent", () => {
    expect(formatKpiValue("percent", 600, null, "en")).toBe("6%");
    expect(formatKpiValue("percent", 625, null, "en")).toBe("6.25%");
    expect(formatBps(10_000, "en")).toBe("100%");
  });

  it("reads minutes as days", () => {
    expect(formatKpiValue("days", 2880, null, "en")).toBe("2 days");
    expect(formatKpiValue("days", 3600, null, "en")).toBe("2.5 days");
    expect(formatKpiValue("days", 1440, null, "en")).toBe("1 day");
  });

  it("reads money per currency, in the UI language", () => {
    expect(formatKpiValue("money", 750, "EUR", "en")).toBe("€7.50");
    expect(formatKpiValue("money", 750, "USD", "en")).toBe("$7.50");
    expect(formatKpiValue("money", 123450, "EUR", "nl")).toMatch(/1\.234,50/);
  });

  it("shows no data as a dash, never 0", () => {
    expect(formatKpiValue("percent", null, null, "en")).toBe(NO_DATA);
    expect(formatKpiValue("money", null, "EUR", "en")).toBe(NO_DATA);
    expect(formatMinutesAsHours(null, "en")).toBe(NO_DATA);
  });

  it("reads minutes as hours for the median time to ship", () => {
    expect(formatMinutesAsHours(90, "en")).toBe("1.5 hours");
  });
});

describe("changes and colours", () => {
  it("signs changes and leaves out a percentage from nothing", () => {
    expect(formatChange({ absolute: 3, relative_bps: 5_000 }, "en")).toBe("+3 (+50%)");
    expect(formatChange({ absolute: -2, relative_bps: -10_000 }, "en")).toBe("-2 (-100%)");
    expect(formatChange({ absolute: 4, relative_bps: null }, "en")).toBe("+4");
    expect(formatChange(null, "en")).toBe(NO_DATA);
  });

  it("colours states and ratings", () => {
    expect(stateColor("amber")).toBe("yellow");
    expect(stateColor("neutral")).toBe("gray");
    expect(ratingColor(69, 70)).toBe("red");
    expect(ratingColor(70, 70)).toBe("yellow");
    expect(ratingColor(95, 70)).toBe("teal");
    expect(ratingColor(null, 70)).toBe("gray");
  });
});
