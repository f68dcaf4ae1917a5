import { describe, expect, it } from "vitest";
import { failureFiltersOf, NO_FILTERS, parseFailureSearch, toListInput } from "./filters";

describe("toListInput", () => {
  it("filters nothing when the bar is empty, newest first", () => {
    const input = toListInput(NO_FILTERS, undefined, 0, 200);
    expect(input).toMatchObject({
      vendor_code: null,
      text: null,
      sort_by: "occurred_at",
      sort_dir: "desc",
    });
  });

  it("makes the 'to' day inclusive and passes the chosen filters", () => {
    const input = toListInput(
      { ...NO_FILTERS, from: "2026-11-01", to: "2026-11-01", vendor: "SZHQ", text: " lid " },
      { id: "qty_failed", desc: false },
      200,
      200,
    );
    // Site days, the "to" day included: the backend reads them on the site's clock.
    expect(input).toMatchObject({
      from: "2026-11-01",
      to: "2026-11-02",
      vendor_code: "SZHQ",
      text: "lid",
      sort_by: "qty_failed",
      sort_dir: "asc",
      offset: 200,
    });
  });

  it("ignores unknown sort columns", () => {
    expect(toListInput(NO_FILTERS, { id: "description", desc: false }, 0, 10).sort_by).toBe(
      "occurred_at",
    );
  });
});

describe("failure filters in the URL", () => {
  it("keeps the known filters a link carries and drops the rest", () => {
    const search = parseFailureSearch({
      category: "COS",
      from: "2026-11-01",
      to: "",
      page: 3,
      vendor: 7,
    });
    expect(search).toEqual({ category: "COS", from: "2026-11-01" });
    expect(failureFiltersOf(search)).toEqual({
      ...NO_FILTERS,
      category: "COS",
      from: "2026-11-01",
    });
  });
});
