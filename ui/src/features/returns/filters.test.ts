import { fromSearch, NO_FILTERS, parseSearch, toListInput, toSearch } from "./filters";

describe("RMA filters", () => {
  it("leaves empty filters out of the list input", () => {
    expect(toListInput(NO_FILTERS, 0, 50)).toEqual({
      text: null,
      status: null,
      analyst_queue: false,
      offset: 0,
      limit: 50,
    });
    expect(toListInput({ text: " RMA-1 ", status: "escalated", view: "analyst" }, 10, 5)).toEqual({
      text: "RMA-1",
      status: "escalated",
      analyst_queue: true,
      offset: 10,
      limit: 5,
    });
  });

  it("round-trips through the URL", () => {
    const filters = { text: "acme", status: "received" as const, view: "analyst" as const };
    expect(fromSearch(parseSearch(toSearch(filters)))).toEqual(filters);
    expect(toSearch(NO_FILTERS)).toEqual({ text: undefined, status: undefined, view: undefined });
  });

  it("ignores unknown URL values", () => {
    expect(fromSearch(parseSearch({ status: "lost", view: "mine", text: 3 }))).toEqual(NO_FILTERS);
  });
});
