import { QueryClient } from "@tanstack/react-query";
import { act } from "react";
import "../../i18n";
import type { KpiTable } from "../../backend/bindings/KpiTable";
import type { SafetyStockRow } from "../../backend/bindings/SafetyStockRow";
import type { SkuFlags } from "../../backend/bindings/SkuFlags";
import type { VendorScorecards } from "../../backend/bindings/VendorScorecards";
import type { VendorScorecardView } from "../../backend/bindings/VendorScorecardView";
import { ApiFailure } from "../../backend/call";
import { settle } from "../../testing/mount";
import { LocationProbe, mountPages } from "../../testing/pages";
import { belowMinimum, scorecards as reportScorecards } from "../reports/fixtures.test-data";
import { DashboardPage } from "./DashboardPage";
import { lastDays } from "./periods";

const period = { from: "2026-11-01", to: "2026-11-30" };
const alerts: SafetyStockRow[] = [belowMinimum];
/** A vendor's scorecard with no history, reviews or components behind its rating. */
const unrated = (
  vendor_code: string,
  vendor_name: string,
  rating: Pick<VendorScorecardView, "rating"> & Partial<VendorScorecardView>,
): VendorScorecardView => ({
  vendor_code,
  vendor_name,
  trend: null,
  flagged: false,
  block_receipts: false,
  history: [],
  receipts_blocked_since: null,
  last_reviewed: null,
  overdue_scars: 0,
  complaints: 0,
  components: [],
  ...rating,
});
// The Reports screens' settings; the dashboard's own vendors.
const scorecards: VendorScorecards = {
  ...reportScorecards,
  period,
  vendors: [
    unrated("SZHQ", "深圳华强", { rating: 62.4, trend: "down", flagged: true }),
    unrated("GOOD", "Good Co", { rating: 91 }),
  ],
};
const review = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    sku: `SKU-${String(i + 1).padStart(2, "0")}`,
    orders: 100,
    problems: 5,
    rate_bps: 500,
    flag: "review" as const,
  }));
const skuFlags: SkuFlags = {
  period,
  threshold_bps: 200,
  skus: [...review(12), { sku: "CUP-02", orders: 100, problems: 1, rate_bps: 100, flag: "ok" }],
  total_skus: 13,
  flagged_skus: 12,
};
const kpis: KpiTable = {
  period,
  previous_period: period,
  rows: [],
  aging: { days_0_2: 3, days_3_7: 2, days_8_14: 0, days_15_30: 1, over_30_days: 4, open: 10 },
};

const calls: { act: string; input: unknown }[] = [];
let answers: Record<string, () => unknown> = {};
const refused = () => {
  throw new ApiFailure({
    code: "forbidden",
    message_key: "error.forbidden",
    params: {},
    fields: [],
  });
};

vi.mock("../../backend/call", async (original) => ({
  ...(await original<typeof import("../../backend/call")>()),
  call: async (act: string, input: unknown) => {
    calls.push({ act, input });
    const answer = answers[act];
    if (!answer) throw new Error(`unexpected act ${act}`);
    return answer();
  },
}));

beforeEach(() => {
  answers = {
    safety_stock_alerts: () => alerts,
    vendor_scorecards: () => scorecards,
    sku_flags: () => skuFlags,
    kpi_table: () => kpis,
    list_scars: () => [],
  };
});

afterEach(() => {
  document.body.innerHTML = "";
  calls.length = 0;
});

async function render() {
  const { router } = await mountPages(
    "/dashboard",
    { "/dashboard": DashboardPage, "/reports": LocationProbe, "/products": LocationProbe },
    { client: new QueryClient({ defaultOptions: { queries: { retry: false } } }) },
  );
  return router;
}

const q = (id: string, within: ParentNode = document) => [
  ...within.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`),
];
const one = (id: string) => {
  const [el] = q(id);
  if (!el) throw new Error(`no ${id}`);
  return el;
};
const text = (id: string) => one(id).textContent ?? "";
const click = async (el: HTMLElement) => {
  await act(async () => el.click());
  await settle();
};
const probe = () => JSON.parse(text("probe"));

it("lists the SKUs below their minimum with their figures, linking to the SKU and the report", async () => {
  await render();
  expect(calls.find((c) => c.act === "safety_stock_alerts")?.input).toEqual({ below_only: true });
  const rows = q("dashboard-safety-row");
  expect(rows.map((r) => r.dataset.sku)).toEqual(["MUG-01"]);
  const row = rows[0] as HTMLElement;
  expect(row.textContent).toContain("Mug");
  expect(q("dashboard-sellable", row)[0]?.textContent).toBe("20 / 50");
  expect(q("dashboard-blocked", row)[0]?.textContent).toBe("5");
  expect(q("dashboard-in-returns", row)[0]?.textContent).toBe("2");

  await click(q("dashboard-sku-link", row)[0] as HTMLElement);
  expect(probe()).toEqual({ path: "/products", sku: "MUG-01" });
});

it("links the safety-stock card to the reports stock tab", async () => {
  const router = await render();
  await click(one("dashboard-stock-report"));
  expect(router.state.location.pathname).toBe("/reports");
  expect(probe()).toEqual({ path: "/reports", tab: "stock" });
});

it("says calmly when no SKU is below its minimum", async () => {
  answers.safety_stock_alerts = () => [];
  await render();
  expect(q("dashboard-safety-row")).toHaveLength(0);
  expect(text("dashboard-stock-empty")).toBe("No SKU is below its minimum");
});

it("shows only the flagged vendors of the last 90 days, with rating and threshold", async () => {
  await render();
  const today = new Date();
  expect(calls.find((c) => c.act === "vendor_scorecards")?.input).toEqual(lastDays(90, today));
  const rows = q("dashboard-vendor-row");
  expect(rows.map((r) => r.dataset.vendor)).toEqual(["SZHQ"]);
  expect(rows[0]?.textContent).toContain("深圳华强");
  expect(q("dashboard-rating", rows[0])[0]?.textContent).toBe("62 / 70");
  expect(q("vendor-blocked")).toHaveLength(0);

  await click(one("dashboard-vendors-report"));
  expect(probe()).toEqual({ path: "/reports", tab: "vendors", ...lastDays(90, today) });
});

it("shows at most ten SKUs to review over 30 days, and links to all of them", async () => {
  await render();
  const last30 = lastDays(30, new Date());
  expect(calls.find((c) => c.act === "sku_flags")?.input).toEqual(last30);
  const rows = q("dashboard-sku-row");
  expect(rows).toHaveLength(10);
  expect(rows[0]?.dataset.sku).toBe("SKU-01");
  expect(rows[0]?.textContent).toContain("5 / 100");
  expect(rows[0]?.textContent).toContain("5%");
  expect(rows.some((r) => r.dataset.sku === "CUP-02")).toBe(false);
  expect(text("dashboard-skus-all")).toBe("Show all (12) in Reports");

  await click(one("dashboard-skus-all"));
  // The review tab is the reports page's default, so the URL leaves it out.
  expect(probe()).toEqual({ path: "/reports", ...last30 });
});

it("shows which vendors have their receipts blocked, even once rated above the threshold", async () => {
  const [szhq, good] = scorecards.vendors as [VendorScorecardView, VendorScorecardView];
  answers.vendor_scorecards = () => ({
    ...scorecards,
    vendors: [
      { ...szhq, receipts_blocked_since: "2026-11-06" },
      { ...good, vendor_code: "OLDB", rating: 74, receipts_blocked_since: "2026-10-15" },
      good,
    ],
  });
  await render();
  const rows = q("dashboard-vendor-row");
  expect(rows.map((r) => r.dataset.vendor)).toEqual(["SZHQ", "OLDB"]);
  const blocked = q("vendor-blocked");
  expect(blocked.map((b) => b.dataset.vendor)).toEqual(["SZHQ", "OLDB"]);
  expect(q("vendor-blocked", rows[0])[0]?.textContent).toBe("Receipts blocked since Nov 6, 2026");
  expect(q("vendor-blocked", rows[1])[0]?.textContent).toBe("Receipts blocked since Oct 15, 2026");
  expect(q("dashboard-rating", rows[1])[0]?.textContent).toBe("74 / 70");
});

it("counts every SKU to review, not only those the reply lists", async () => {
  answers.sku_flags = () => ({ ...skuFlags, total_skus: 9_000, flagged_skus: 640 });
  await render();
  expect(q("dashboard-sku-row")).toHaveLength(10);
  expect(text("dashboard-skus-all")).toBe("Show all (640) in Reports");
});

it("lists the SCARs whose vendor's answer is overdue, and says so when none is", async () => {
  await render();
  expect(q("dashboard-scars-empty")).toHaveLength(1);
  document.body.innerHTML = "";
  answers.list_scars = () => [
    {
      scar_no: "SCAR-AMS1-000001",
      vendor_code: "SZHQ",
      vendor_name: "深圳华强",
      due_on: "2026-11-16",
      overdue: true,
    },
  ];
  await render();
  const rows = q("dashboard-scar-row");
  expect(rows.map((r) => r.dataset.no)).toEqual(["SCAR-AMS1-000001"]);
  expect(rows[0]?.textContent).toContain("Nov 16, 2026");
  expect(calls.find((c) => c.act === "list_scars")?.input).toEqual({ overdue_only: true });
});

it("shows the open RMAs by age", async () => {
  await render();
  const card = one("dashboard-rma-aging");
  const figure = (bucket: string) =>
    card.querySelector(`[data-bucket="${bucket}"]`)?.textContent ?? "";
  expect(figure("days_0_2")).toContain("3");
  expect(figure("days_3_7")).toContain("2");
  expect(figure("over_30_days")).toContain("4");
  expect(card.textContent).toContain("10 open in total");
});

it("keeps the other cards when one fails, and shows its error", async () => {
  answers.vendor_scorecards = refused;
  await render();
  const vendors = one("dashboard-flagged-vendors");
  expect(q("dashboard-error", vendors)).toHaveLength(1);
  expect(q("dashboard-vendor-row")).toHaveLength(0);
  expect(q("dashboard-error")).toHaveLength(1);
  expect(q("dashboard-safety-row")).toHaveLength(1);
  expect(q("dashboard-sku-row")).toHaveLength(10);
  expect(one("dashboard-rma-aging").textContent).toContain("10 open in total");
});

it("shows skeletons while a card loads", async () => {
  answers.kpi_table = () => new Promise(() => {});
  await render();
  expect(q("dashboard-loading", one("dashboard-rma-aging"))).toHaveLength(1);
  expect(q("dashboard-loading", one("dashboard-safety-stock"))).toHaveLength(0);
});

it("only reads: the day's vendor ratings are the app's daily job, not the viewer's", async () => {
  await render();
  expect(calls.map((c) => c.act)).not.toContain("record_vendor_ratings");
  expect(q("dashboard-safety-row")).toHaveLength(1);
});
