import { fromSearch, NO_FILTERS, parseSearch, toListInput, toSearch } from "./filters";

describe("RMA filters", () => {
  it("leaves empty filters out of the list input", () => {
    expect(toListInput(NO_FILTERS, 0, 50)).toEqual({
      text: null,
      status: null,
      analyst_queue: false,
      channel: null,
      offset: 0,
      limit: 50,
    });
    expect(
      toListInput({ text: " RMA-1 ", status: "escalated", view: "analyst", channel: "b2b" }, 10, 5),
    ).toEqual({
      text: "RMA-1",
      status: "escalated",
      analyst_queue: true,
      channel: "b2b",
      offset: 10,
      limit: 5,
    });
  });

  it("round-trips through the URL", () => {
    const filters = {
      text: "acme",
      status: "received" as const,
      view: "analyst" as const,
      channel: "unspecified" as const,
    };
    expect(fromSearch(parseSearch(toSearch(filters)))).toEqual(filters);
    expect(toSearch(NO_FILTERS)).toEqual({
      text: undefined,
      status: undefined,
      view: undefined,
      channel: undefined,
    });
  });

  it("ignores unknown URL values", () => {
    expect(
      fromSearch(parseSearch({ status: "lost", view: "mine", text: 3, channel: "phone" })),
    ).toEqual(NO_FILTERS);
  });
});

describe("RMA settlement filters", () => {
  const refunds = {
    settled_from: "2026-11-02",
    settled_to: "2026-11-09",
    settlement_kind: "refund" as const,
  };

  it("carries a review's refunds link from the URL to the list act and back", () => {
    const filters = fromSearch(parseSearch({ ...refunds, view: "all" }));
    expect(filters).toEqual({ ...NO_FILTERS, ...refunds });
    expect(toListInput(filters, 0, 50)).toEqual({
      text: null,
      status: null,
      analyst_queue: false,
      channel: null,
      ...refunds,
      offset: 0,
      limit: 50,
    });
    expect(toSearch(filters)).toMatchObject(refunds);
  });

  it("drops dates that are not days and kinds that are not settlements", () => {
    const search = parseSearch({
      settled_from: "2026-13-01",
      settled_to: "tomorrow",
      settlement_kind: "cash",
    });
    expect(fromSearch(search)).toEqual(NO_FILTERS);
    expect(Object.keys(toListInput(fromSearch(search), 0, 1))).not.toContain("settled_from");
  });
});
