import { describe, expect, it } from "vitest";
import { parseReportsSearch, periodOf } from "./search";

describe("reports search params", () => {
  it("keeps a known tab and real days", () => {
    expect(parseReportsSearch({ tab: "kpis", from: "2026-11-01", to: "2026-11-30" })).toEqual({
      tab: "kpis",
      from: "2026-11-01",
      to: "2026-11-30",
    });
  });

  it("drops what it does not know, and the default tab", () => {
    expect(parseReportsSearch({ tab: "nope", from: "2026-13-01", to: 3 })).toEqual({
      tab: undefined,
      from: undefined,
      to: undefined,
    });
    expect(parseReportsSearch({ tab: "review" }).tab).toBeUndefined();
  });

  it("uses the fallback period unless both days are given", () => {
    const fallback = { from: "2026-01-01", to: "2026-01-30" };
    expect(periodOf({ from: "2026-02-01" }, fallback)).toBe(fallback);
    expect(periodOf({ from: "2026-02-01", to: "2026-02-02" }, fallback)).toEqual({
      from: "2026-02-01",
      to: "2026-02-02",
    });
  });
});
