import {
  datesOfSearch,
  filtersOfSearch,
  NO_FILTERS,
  parseReshipmentSearch,
  toListInput,
} from "./filters";

describe("reshipment filters", () => {
  it("leaves empty filters out", () => {
    expect(toListInput(NO_FILTERS, 0, 50)).toEqual({
      text: null,
      status: null,
      queue: null,
      sla: null,
      offset: 0,
      limit: 50,
    });
    expect(
      toListInput({ text: " RS-1 ", status: "requested", queue: "finance", sla: "overdue" }, 10, 5),
    ).toEqual({
      text: "RS-1",
      status: "requested",
      queue: "finance",
      sla: "overdue",
      offset: 10,
      limit: 5,
    });
  });
});

describe("reshipment search", () => {
  it("reads a review's link from the URL and drops what is not a day or an SLA state", () => {
    const search = parseReshipmentSearch({
      sla: "shipped_late",
      shipped_from: "2026-11-02",
      shipped_to: "2026-11-09",
      recovered_from: "2026-02-30",
      recovered_to: 20261109,
      other: "x",
    });
    expect(search).toEqual({
      text: undefined,
      sla: "shipped_late",
      shipped_from: "2026-11-02",
      shipped_to: "2026-11-09",
      recovered_from: undefined,
      recovered_to: undefined,
    });
    expect(parseReshipmentSearch({ sla: "lost" }).sla).toBeUndefined();
    expect(filtersOfSearch(search)).toEqual({ ...NO_FILTERS, sla: "shipped_late" });
    expect(datesOfSearch(search)).toEqual({ shipped_from: "2026-11-02", shipped_to: "2026-11-09" });
  });

  it("passes the URL's date ranges to the list act", () => {
    expect(
      toListInput(NO_FILTERS, 0, 50, { recovered_from: "2026-11-02", recovered_to: "2026-11-09" }),
    ).toEqual({
      text: null,
      status: null,
      queue: null,
      sla: null,
      recovered_from: "2026-11-02",
      recovered_to: "2026-11-09",
      offset: 0,
      limit: 50,
    });
  });
});
