import { describe, expect, it } from "vitest";
import { NO_FILTERS, parseFailureSearch } from "../failures/filters";
import { parseReshipmentSearch } from "../reshipments/filters";
import { parseSearch } from "../returns/filters";
import { COST_COMPONENTS } from "./cost";
import { review } from "./fixtures.test-data";
import { costLink, failuresSearch, timelinessLink } from "./links";

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

describe("costLink and timelinessLink", () => {
  const week = { from: "2026-11-02", to: "2026-11-08" };

  it("opens scrap and rework as the failures list's disposition over the period's days", () => {
    expect(costLink("scrap_minor", week)).toEqual({
      to: "/failures",
      search: { from: "2026-11-02", to: "2026-11-08", disposition: "scrap" },
    });
    expect(costLink("rework_minor", week)).toEqual({
      to: "/failures",
      search: { from: "2026-11-02", to: "2026-11-08", disposition: "rework" },
    });
  });

  it("gives reshipments and returns the day after the period as the excluded end", () => {
    const shipped = {
      to: "/reshipments",
      search: { shipped_from: "2026-11-02", shipped_to: "2026-11-09" },
    };
    expect(costLink("reshipment_shipping_minor", week)).toEqual(shipped);
    expect(costLink("reshipment_goods_minor", week)).toEqual(shipped);
    expect(costLink("chargebacks_recovered_minor", week)).toEqual({
      to: "/chargebacks",
      search: { recovered_from: "2026-11-02", recovered_to: "2026-11-09" },
    });
    expect(costLink("refunds_minor", week)).toEqual({
      to: "/returns",
      search: { settled_from: "2026-11-02", settled_to: "2026-11-09", settlement_kind: "refund" },
    });
  });

  it("crosses a month and a year end", () => {
    expect(costLink("refunds_minor", { from: "2026-12-01", to: "2026-12-31" })?.search).toEqual({
      settled_from: "2026-12-01",
      settled_to: "2027-01-01",
      settlement_kind: "refund",
    });
  });

  it("has no link for the net total, which is a sum of the others", () => {
    expect(costLink("net_minor", week)).toBeNull();
  });

  it("links every cost row of the review fixture but the net total", () => {
    const links = COST_COMPONENTS.map((c) => costLink(c, review.period));
    expect(links.map((l) => l?.to ?? null)).toEqual([
      "/failures",
      "/failures",
      "/reshipments",
      "/reshipments",
      "/returns",
      "/returns",
      "/failures",
      "/failures",
      "/chargebacks",
      null,
    ]);
    expect(links[2]?.search).toEqual({ shipped_from: "2026-11-01", shipped_to: "2026-12-01" });
  });

  it("opens timeliness verdicts as the reshipments' SLA state, shipped in the period", () => {
    expect(timelinessLink("on_time", week)).toEqual({
      to: "/reshipments",
      search: { sla: "shipped_on_time", shipped_from: "2026-11-02", shipped_to: "2026-11-09" },
    });
    expect(timelinessLink("late", week).search).toEqual({
      sla: "shipped_late",
      shipped_from: "2026-11-02",
      shipped_to: "2026-11-09",
    });
  });

  it("builds only search params the target lists read back", () => {
    const week2 = { from: "2026-11-02", to: "2026-11-08" };
    for (const c of COST_COMPONENTS) {
      const link = costLink(c, week2);
      if (link?.to === "/reshipments")
        expect(parseReshipmentSearch(link.search)).toMatchObject(link.search);
      if (link?.to === "/returns") expect(parseSearch(link.search)).toMatchObject(link.search);
      if (link?.to === "/failures") expect(parseFailureSearch(link.search)).toEqual(link.search);
    }
    const late = timelinessLink("late", week2);
    expect(parseReshipmentSearch(late.search)).toMatchObject(late.search);
  });
});
