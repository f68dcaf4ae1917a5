import { describe, expect, it } from "vitest";
import { NO_FILTERS } from "../failures/filters";
import { failuresSearch } from "./links";

const base = { from: "2026-11-01", to: "2026-12-01", vendor_code: null, sku: null };

describe("failuresSearch", () => {
  it("turns a Pareto bar into the failures list's category and inclusive days", () => {
    expect(failuresSearch({ ...base, category_codes: ["SCRATCH"] })).toEqual({
      from: "2026-11-01",
      to: "2026-11-30",
      category: "SCRATCH",
    });
  });

  it("filters by vendor or SKU and leaves out empty fields", () => {
    expect(failuresSearch({ ...base, category_codes: [], vendor_code: "SZHQ" })).toEqual({
      from: "2026-11-01",
      to: "2026-11-30",
      vendor: "SZHQ",
    });
    expect(failuresSearch({ ...base, category_codes: [], sku: "MUG-01" })).toEqual({
      from: "2026-11-01",
      to: "2026-11-30",
      sku: "MUG-01",
    });
  });

  it("uses only keys the failures filter bar knows", () => {
    const search = failuresSearch({ ...base, category_codes: ["A"], vendor_code: "V", sku: "S" });
    for (const key of Object.keys(search ?? {})) expect(Object.keys(NO_FILTERS)).toContain(key);
  });

  it("cannot express a bar of several categories as one filter", () => {
    expect(failuresSearch({ ...base, category_codes: ["A", "B"] })).toBeNull();
  });
});
