import { fromSearch, NO_FILTERS, parseSearch, toListInput, toSearch } from "./filters";

describe("lot filters in the URL", () => {
  it("reads known params and drops unknown values", () => {
    expect(parseSearch({ text: "L-1", status: "on_hold", expiring: "true", tab: "holds" })).toEqual(
      { text: "L-1", status: "on_hold", expiring: true, tab: "holds" },
    );
    expect(parseSearch({ text: "", status: "lost", expiring: "no", tab: "x" })).toEqual({
      text: undefined,
      status: undefined,
      expiring: undefined,
      tab: undefined,
    });
  });

  it("round-trips filters and leaves out what filters nothing", () => {
    const filters = { text: "abc", status: "expired" as const, expiring: true };
    expect(fromSearch(toSearch(filters))).toEqual(filters);
    expect(toSearch(NO_FILTERS)).toEqual({
      text: undefined,
      status: undefined,
      expiring: undefined,
    });
    expect(fromSearch({})).toEqual(NO_FILTERS);
  });
});

describe("toListInput", () => {
  it("trims the text and turns 'expiring' into a cut-off day 30 days out", () => {
    const input = toListInput(
      { text: "  sku ", status: "", expiring: true },
      200,
      100,
      new Date(2026, 0, 15),
    );
    expect(input).toEqual({
      text: "sku",
      status: null,
      expiring_by: "2026-02-14",
      offset: 200,
      limit: 100,
    });
  });

  it("sends nulls for empty filters", () => {
    expect(toListInput(NO_FILTERS, 0, 50, new Date())).toEqual({
      text: null,
      status: null,
      expiring_by: null,
      offset: 0,
      limit: 50,
    });
  });
  it("keeps the pick tab in the URL", () => {
    expect(parseSearch({ tab: "pick" }).tab).toBe("pick");
  });
});
