import { notifications } from "@mantine/notifications";
import { act, useState } from "react";
import "../../i18n";
import "../../files/blob.test-data";
import type { ReviewPeriodReport } from "../../backend/bindings/ReviewPeriodReport";
import type { Role } from "../../backend/bindings/Role";
import type { SkuFlags } from "../../backend/bindings/SkuFlags";
import type { VendorReviewed } from "../../backend/bindings/VendorReviewed";
import { ApiFailure } from "../../backend/call";
import { settle } from "../../testing/mount";
import { LocationProbe, mountPages } from "../../testing/pages";
import { sessionAs } from "../../testing/session";
import { kpis, review, safety, scorecards, skuFlags } from "./fixtures.test-data";
import type { Period } from "./period";
import { ReportsPage } from "./ReportsPage";
import type { ReportsTab } from "./search";

// jsdom lays nothing out: give the charts' containers a size so that recharts draws the bars.
const layout = Element.prototype.getBoundingClientRect;
Element.prototype.getBoundingClientRect = function (this: Element) {
  if (this.classList.contains("recharts-responsive-container")) {
    return {
      x: 0,
      y: 0,
      top: 0,
      left: 0,
      right: 640,
      bottom: 300,
      width: 640,
      height: 300,
    } as DOMRect;
  }
  return layout.call(this);
};

const calls: { act: string; input: unknown }[] = [];
const saved: { name: string; base64: string; kind: string }[] = [];

/** The answers a test changes; reset before each test. */
const answers: {
  review: () => ReviewPeriodReport;
  skuFlags: () => SkuFlags;
  reviewVendor: () => VendorReviewed;
} = {
  review: () => review,
  skuFlags: () => skuFlags,
  reviewVendor: () => ({
    vendor_code: "SZHQ",
    reviewed_on: "2026-12-01",
    receipts_blocked_since: null,
  }),
};

vi.mock("../../backend/call", async (original) => ({
  ...(await original<typeof import("../../backend/call")>()),
  call: async (act: string, input: unknown) => {
    calls.push({ act, input });
    if (act === "review_period") return answers.review();
    if (act === "sku_flags") return answers.skuFlags();
    if (act === "review_vendor") return answers.reviewVendor();
    if (act === "kpi_table") return kpis;
    if (act === "vendor_scorecards") return scorecards;
    if (act === "safety_stock_alerts") return safety;
    if (act === "list_defect_categories") return [];
    if (act === "vendor_report_pdf") return { file_name: "SCAR.pdf", pdf_base64: "JVBERi0=" };
    throw new Error(`unexpected act ${act}`);
  },
  saveTextFile: async () => null,
  printPdf: async ({ act, input }: { act: string; input: unknown }) => {
    calls.push({ act, input });
    return "printed/x.pdf";
  },
  savePdfFile: async () => null,
  saveBinaryFile: async (name: string, base64: string, kind: string) => {
    saved.push({ name, base64, kind });
    return `saved/${name}`;
  },
}));

function Harness({ initialTab }: { initialTab: ReportsTab }) {
  const [tab, setTab] = useState(initialTab);
  const [period, setPeriod] = useState<Period>({ from: "2026-11-01", to: "2026-11-30" });
  return <ReportsPage tab={tab} period={period} onTab={setTab} onPeriod={setPeriod} />;
}

async function render(tab: ReportsTab, roles: Role[] = ["quality_lead"]) {
  const probe = () => <LocationProbe testId="failures-search" path={false} />;
  const { router } = await mountPages(
    "/reports",
    {
      "/reports": () => <Harness initialTab={tab} />,
      "/failures": probe,
      "/reshipments": probe,
      "/returns": probe,
      "/chargebacks": probe,
    },
    { session: sessionAs(roles) },
  );
  return router;
}

afterEach(() => {
  document.body.innerHTML = "";
  calls.length = 0;
  saved.length = 0;
  answers.review = () => review;
  answers.skuFlags = () => skuFlags;
  answers.reviewVendor = () => ({
    vendor_code: "SZHQ",
    reviewed_on: "2026-12-01",
    receipts_blocked_since: null,
  });
});

const q = (id: string) => document.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`);

/** Clicks `element` and says where the app went. */
async function follow(router: Awaited<ReturnType<typeof render>>, element?: HTMLElement | null) {
  await act(async () => element?.click());
  await settle();
  const { pathname, search } = router.state.location;
  return { pathname, search };
}

it("shows the review and opens the failures behind a Pareto figure", async () => {
  const router = await render("review");
  expect(q("reports-tab-review")).toHaveLength(1);
  expect(q("reports-tab-kpis")).toHaveLength(1);
  expect(q("reports-tab-vendors")).toHaveLength(1);
  expect(q("reports-tab-stock")).toHaveLength(1);
  expect(calls.find((c) => c.act === "review_period")?.input).toEqual({
    from: "2026-11-01",
    to: "2026-11-30",
  });
  expect(q("pareto-row")).toHaveLength(2);
  expect(q("review-vendor-row")[0]?.getAttribute("data-code")).toBe("SZHQ");
  expect(q("cost-currency")[0]?.textContent).toContain("€130.00");
  expect(q("sku-flag-row")).toHaveLength(1);
  expect(q("sku-flags-count")[0]?.textContent).toBe("1 SKU to review");
  // Every SKU of the period is listed, so there is nothing to say about the rest.
  expect(q("sku-flags-listed")).toHaveLength(0);

  expect(await follow(router, q("pareto-row")[0]?.querySelector("button"))).toEqual({
    pathname: "/failures",
    search: { from: "2026-11-01", to: "2026-11-30", category: "SCR" },
  });
});

it("draws a clickable bar per category; the bar opens its failures", async () => {
  const router = await render("review");
  const bars = [...q("pareto-bar")];
  expect(bars.map((b) => b.getAttribute("data-category"))).toEqual(["SCR", "other"]);
  // "Other" stands for several categories, which no single filter of the list can show.
  expect(bars[1]?.getAttribute("aria-disabled")).toBe("true");
  await act(async () => bars[0]?.dispatchEvent(new MouseEvent("click", { bubbles: true })));
  await settle();
  expect(router.state.location.pathname).toBe("/failures");
  expect(router.state.location.search).toMatchObject({ category: "SCR" });
});

it("opens a vendor's failures from the by-vendor table", async () => {
  const router = await render("review");
  const vendor = q("review-vendor-row")[0]?.querySelector("button");
  expect((await follow(router, vendor)).search).toEqual({
    from: "2026-11-01",
    to: "2026-11-30",
    vendor: "SZHQ",
  });
});

it("links each cost of the period to the records behind it", async () => {
  const router = await render("review");
  const link = (id: string) => q(id)[0] as HTMLAnchorElement | undefined;
  // Real anchors: keyboard users reach and open them like any link.
  expect(link("cost-link-scrap")?.tagName).toBe("A");
  expect(link("cost-link-scrap")?.textContent).toBe("€100.00");
  expect(link("cost-link-scrap")?.getAttribute("data-currency")).toBe("EUR");
  expect(link("cost-link-recovered")?.textContent).toBe("-€10.00");
  expect(link("cost-link-recovered")?.getAttribute("data-currency")).toBe("EUR");
  // No rework cost recorded yet, but the period's one rework failure is still behind the 0.
  expect(link("cost-link-rework")?.textContent).toBe("€0.00");
  expect(q("cost-currency")[0]?.querySelectorAll("a")).toHaveLength(6);

  const opens = async (id: string) => {
    const opened = await follow(router, link(id));
    await act(async () => router.history.back());
    await settle();
    return opened;
  };
  expect(await opens("cost-link-scrap")).toEqual({
    pathname: "/failures",
    search: { from: "2026-11-01", to: "2026-11-30", disposition: "scrap" },
  });
  expect(await opens("cost-link-rework")).toEqual({
    pathname: "/failures",
    search: { from: "2026-11-01", to: "2026-11-30", disposition: "rework" },
  });
  const shipped = {
    pathname: "/reshipments",
    search: { shipped_from: "2026-11-01", shipped_to: "2026-12-01" },
  };
  expect(await opens("cost-link-shipping")).toEqual(shipped);
  expect(await opens("cost-link-goods")).toEqual(shipped);
  expect(await opens("cost-link-recovered")).toEqual({
    pathname: "/chargebacks",
    search: { recovered_from: "2026-11-01", recovered_to: "2026-12-01" },
  });
  expect(await opens("cost-link-refunds")).toEqual({
    pathname: "/returns",
    search: { settled_from: "2026-11-01", settled_to: "2026-12-01", settlement_kind: "refund" },
  });
});

it("links the period's on-time and late reshipments", async () => {
  const router = await render("review");
  const onTime = q("timeliness-link-on-time")[0];
  expect(onTime?.tagName).toBe("A");
  expect(onTime?.textContent).toBe("3");
  expect(q("timeliness-link-late")[0]?.textContent).toBe("1");
  expect(await follow(router, q("timeliness-link-late")[0])).toEqual({
    pathname: "/reshipments",
    search: { sla: "shipped_late", shipped_from: "2026-11-01", shipped_to: "2026-12-01" },
  });
});

it("leaves a zero, the net total and the previous period as plain text", async () => {
  const [eur] = review.cost_of_quality.currencies;
  answers.review = () => ({
    ...review,
    rework_failures: 0,
    timeliness: { ...review.timeliness, late: 0 },
    cost_of_quality: {
      currencies: [
        {
          currency: "EUR",
          current: eur?.current ? { ...eur.current, reshipment_shipping_minor: 0 } : null,
          previous: eur?.current ?? null,
          net_change: null,
        },
      ],
    },
  });
  await render("review");
  expect(q("cost-link-shipping")).toHaveLength(0);
  expect(q("cost-link-rework")).toHaveLength(0);
  expect(q("timeliness-link-late")).toHaveLength(0);
  expect(q("timeliness-link-on-time")).toHaveLength(1);
  // Scrap, goods, refunds and recoveries of the current period; nothing of the previous one.
  expect(q("cost-currency")[0]?.querySelectorAll("a")).toHaveLength(4);
  expect(q("cost-link-goods")).toHaveLength(1);
});

it("shows each KPI with its value, state and definition; targets only for admins", async () => {
  await render("kpis");
  const rows = [...q("kpi-row")];
  expect(rows.map((r) => r.getAttribute("data-kpi"))).toEqual([
    "return_rate",
    "cost_per_return",
    "receipt_to_decision",
  ]);
  expect(rows[0]?.getAttribute("data-state")).toBe("amber");
  expect(rows[0]?.textContent).toContain("6.5%");
  expect(rows[0]?.textContent).toContain("≤ 6%");
  expect(rows[2]?.textContent).toContain("1 day");
  expect(q("kpi-definition")[0]?.textContent).toContain("share of orders");
  expect(q("rma-aging")).toHaveLength(1);
  expect(q("kpi-edit-targets")).toHaveLength(0);
  document.body.innerHTML = "";
  await render("kpis", ["admin"]);
  expect(q("kpi-edit-targets")).toHaveLength(1);
});

it("lists vendor scorecards with their defect report", async () => {
  await render("vendors", ["admin"]);
  const row = q("vendor-score-row")[0];
  expect(row?.getAttribute("data-vendor")).toBe("SZHQ");
  expect(q("vendor-rating")[0]?.textContent).toBe("62");
  expect(q("vendor-flagged")).toHaveLength(1);
  expect(q("vendor-report-pdf")).toHaveLength(1);
  expect(q("record-ratings")).toHaveLength(1);
  await act(async () => q("vendor-report-pdf")[0]?.click());
  await settle();
  expect(calls.find((c) => c.act === "vendor_report_pdf")?.input).toEqual({
    vendor_code: "SZHQ",
    from: "2026-11-01",
    to: "2026-11-30",
  });
});

it("shows safety stock rows below their minimum", async () => {
  await render("stock");
  expect(q("safety-row")).toHaveLength(1);
  expect(q("safety-below")).toHaveLength(1);
  expect(q("safety-set")).toHaveLength(0);
});

it("offers each table as CSV and as an Excel workbook, saved through the host", async () => {
  const shown = vi.spyOn(notifications, "show");
  await render("review");
  for (const id of ["export-pareto", "export-by-vendor", "export-cost", "export-checklist"]) {
    expect(q(id)).toHaveLength(1);
    expect(q(`${id}-xlsx`)).toHaveLength(1);
  }
  await act(async () => q("export-pareto-xlsx")[0]?.click());
  // The workbook writer is loaded on first use, which takes longer than a render.
  await vi.waitFor(() => expect(saved).toHaveLength(1), { timeout: 5000 });
  await settle();
  expect(saved[0]?.name).toBe("pareto_2026-11-01_2026-11-30.xlsx");
  expect(saved[0]?.kind).toBe("xlsx");
  // An .xlsx file is a zip archive: "PK\x03\x04", which is "UEsDB" in base64.
  expect(saved[0]?.base64.startsWith("UEsDB")).toBe(true);
  expect(shown).toHaveBeenCalledWith({
    color: "teal",
    message: "Saved to saved/pareto_2026-11-01_2026-11-30.xlsx",
  });
  shown.mockRestore();
});

it("writes the defect report in the language chosen, or the vendor's own by default", async () => {
  await render("vendors", ["admin"]);
  const select = q("vendor-report-language")[0] as HTMLSelectElement | undefined;
  expect(select?.value).toBe("vendor");
  expect([...(select?.options ?? [])].map((o) => o.textContent)).toEqual([
    "Vendor's language",
    "English",
    "简体中文",
    "Nederlands",
  ]);
  const choose = async (value: string) => {
    await act(async () => {
      if (!select) return;
      select.value = value;
      select.dispatchEvent(new Event("change", { bubbles: true }));
    });
  };
  const report = async () => {
    calls.length = 0;
    await act(async () => q("vendor-report-pdf")[0]?.click());
    await settle();
    return calls.find((c) => c.act === "vendor_report_pdf")?.input;
  };
  await choose("zh-CN");
  expect(await report()).toEqual({
    vendor_code: "SZHQ",
    from: "2026-11-01",
    to: "2026-11-30",
    language: "zh-CN",
  });
  await choose("nl");
  expect(await report()).toMatchObject({ language: "nl" });
  await choose("vendor");
  expect(await report()).not.toHaveProperty("language");
});

const worst = (n: number): SkuFlags["skus"] =>
  Array.from({ length: n }, (_, i) => ({
    sku: `SKU-${i + 1}`,
    orders: 100,
    problems: 10,
    rate_bps: 1000,
    flag: "review" as const,
  }));

it("says when the SKU flags list only the worst of the period's SKUs", async () => {
  answers.skuFlags = () => ({
    ...skuFlags,
    skus: worst(500),
    total_skus: 12_000,
    flagged_skus: 3_000,
  });
  await render("review");
  expect(q("sku-flag-row")).toHaveLength(500);
  expect(q("sku-flags-count")[0]?.textContent).toBe("3,000 SKUs to review");
  expect(q("sku-flags-listed")[0]?.textContent).toBe("Showing the 500 worst of 3,000 SKUs");

  const showAll = q("sku-flags")[0]?.querySelector<HTMLInputElement>('input[type="checkbox"]');
  await act(async () => showAll?.click());
  await settle();
  expect(q("sku-flags-listed")[0]?.textContent).toBe("Showing the 500 worst of 12,000 SKUs");
});

it("shows a blocked vendor's block and last review; only admins may record a review", async () => {
  await render("vendors");
  const blocked = q("vendor-blocked");
  expect(blocked).toHaveLength(1);
  expect(blocked[0]?.getAttribute("data-vendor")).toBe("SZHQ");
  expect(blocked[0]?.textContent).toBe("Receipts blocked since Nov 6, 2026");
  expect(q("vendor-last-reviewed")[0]?.textContent).toBe("Last reviewed Oct 2, 2026");
  expect(q("vendor-review")).toHaveLength(0);
});

/** Opens the review of SZHQ as an admin and saves `note`. */
async function reviewSzhq(note: string) {
  await render("vendors", ["admin"]);
  const button = q("vendor-review")[0];
  expect(button?.getAttribute("data-vendor")).toBe("SZHQ");
  expect(button?.textContent).toBe("Record review");
  await act(async () => button?.click());
  await settle();
  const field = q("vendor-review-note")[0] as HTMLTextAreaElement | undefined;
  expect(field?.tagName).toBe("TEXTAREA");
  await act(async () => {
    if (!field) return;
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value")?.set?.call(field, note);
    field.dispatchEvent(new Event("input", { bubbles: true }));
  });
  calls.length = 0;
  await act(async () => q("vendor-review-save")[0]?.click());
  await settle();
}

it("records an admin's review, refreshes the scorecards and says receipts are allowed again", async () => {
  const shown = vi.spyOn(notifications, "show");
  await reviewSzhq("8D report by 15 Dec; 100% inspection of the next 3 lots");
  expect(calls.filter((c) => c.act === "review_vendor").map((c) => c.input)).toEqual([
    { vendor_code: "SZHQ", note: "8D report by 15 Dec; 100% inspection of the next 3 lots" },
  ]);
  expect(shown).toHaveBeenCalledWith({
    color: "teal",
    message: "Review recorded; receipts from SZHQ are allowed again",
  });
  expect(calls.some((c) => c.act === "vendor_scorecards")).toBe(true);
  expect(q("vendor-review-note")).toHaveLength(0);
  shown.mockRestore();
});

it("warns when the vendor's receipts are still blocked after the review", async () => {
  const shown = vi.spyOn(notifications, "show");
  answers.reviewVendor = () => ({
    vendor_code: "SZHQ",
    reviewed_on: "2026-12-01",
    receipts_blocked_since: "2026-12-01",
  });
  await reviewSzhq("Agreed on a new supplier audit");
  expect(shown).toHaveBeenCalledWith({
    color: "yellow",
    message: "Review recorded, but receipts from SZHQ are still blocked since Dec 1, 2026",
  });
  shown.mockRestore();
});

it("shows the backend's error on the note, and keeps the review open", async () => {
  const shown = vi.spyOn(notifications, "show");
  answers.reviewVendor = () => {
    throw new ApiFailure({
      code: "invalid",
      message_key: "error.code.invalid",
      params: {},
      fields: [{ field: "note", row: null, message_key: "error.field.required", params: {} }],
    });
  };
  await reviewSzhq("   ");
  expect(calls.find((c) => c.act === "review_vendor")?.input).toEqual({
    vendor_code: "SZHQ",
    note: "   ",
  });
  const field = q("vendor-review-note")[0];
  expect(field?.getAttribute("aria-invalid")).toBe("true");
  const error = document.getElementById(
    field
      ?.getAttribute("aria-describedby")
      ?.split(" ")
      .find((id) => id.endsWith("-error")) ?? "",
  );
  expect(error?.textContent).toBe("Required");
  // The field claims the error, so no general alert repeats it.
  expect(document.querySelector(".mantine-Alert-root")).toBeNull();
  expect(shown).not.toHaveBeenCalled();
  shown.mockRestore();
});
