import { act } from "react";
import "../../../i18n";
import type { LotDetail } from "../../../backend/bindings/LotDetail";
import type { RecallScope } from "../../../backend/bindings/RecallScope";
import type { Role } from "../../../backend/bindings/Role";
import type { TraceResult } from "../../../backend/bindings/TraceResult";
import { mountPages } from "../../../testing/pages";
import { sessionAs } from "../../../testing/session";
import { LotDetailPage } from "./LotDetailPage";

const lot: LotDetail = {
  lot_code: "L-1",
  sku: "SKU-1",
  product_name: "Cable",
  gtin: "04006381333931",
  vendor_code: "V1",
  vendor_name: "Vendor One",
  supplier_lot: "S-9",
  qty: 100,
  unit: "pcs",
  mfg_date: "2026-01-01",
  expiry_date: "2020-01-01",
  location: "A-01",
  on_hand: 40,
  status: "on_hold",
  received_at: "2026-01-02T10:00:00Z",
  active_holds: 1,
  inputs: [],
  outputs: [
    {
      lot_code: "L-2",
      sku: "SKU-1",
      qty: 60,
      unit: "pcs",
      kind: "split",
      at: "2026-01-03T10:00:00Z",
    },
  ],
  shipments: [],
  holds: [
    {
      hold_ref: "0193-hold-1",
      serials: [],
      lot_code: "L-1",
      sku: "SKU-1",
      reason: "qc_failure",
      failure_no: "QF-1",
      recall_no: null,
      quarantine: false,
      placed_at: "2026-01-04T10:00:00Z",
      placed_by: "ann",
    },
  ],
  failure_nos: ["QF-1"],
  rma_nos: [],
  gs1_element_string: "(01)04006381333931(10)L-1",
  serial_tracked: false,
  serials: [],
  serial_count: 0,
  sellable: 0,
  on_hold: 40,
  b_stock: 3,
  awaiting_refurbishment: 0,
  digital_link: "https://id.gs1.org/01/04006381333931/10/L-1",
  history: [],
};

const trace: TraceResult = {
  root: "L-1",
  direction: "forward",
  lots: [
    {
      lot_code: "L-2",
      depth: 1,
      via: "L-1",
      qty: 60,
      kind: "split",
      sku: "SKU-1",
      vendor_code: "V1",
      status: "shipped",
      on_hand: 0,
      unit: "pcs",
      expiry_date: null,
      location: null,
      work_order_no: null,
    },
  ],
  orders: [{ order_no: "SO-1", customer_code: "C1", lots: ["L-2"], qty: 60 }],
  customers: [
    { customer_code: "C1", name: "Shop", email: "a@shop.nl", phone: null, orders: 1, qty: 60 },
  ],
  failures: [{ number: "QF-1", lot_code: "L-1" }],
  rmas: [],
  work_orders: [],
};

const scope: RecallScope = {
  roots: ["L-1"],
  lots: 2,
  in_stock_lots: 1,
  in_stock: [{ location: "A-01", unit: "pcs", lots: 1, qty: 40 }],
  in_stock_listed: [
    {
      lot_code: "L-1",
      sku: "SKU-1",
      status: "on_hold",
      on_hand: 40,
      unit: "pcs",
      location: "A-01",
      depth: 0,
    },
  ],
  orders: 1,
  shipped_qty: 60,
  customers: trace.customers,
};

vi.mock("../../../backend/call", () => ({
  call: async (act: string) => {
    if (act === "get_lot") return lot;
    if (act === "trace_lot") return trace;
    if (act === "recall_scope") return scope;
    throw new Error(`unexpected act ${act}`);
  },
  saveTextFile: async () => null,
}));

async function render(roles: Role[] = ["quality_lead"]) {
  const page = () => <LotDetailPage lotCode="L-1" />;
  const { host } = await mountPages(
    "/lots/L-1",
    { "/lots/$lotCode": page },
    {
      session: sessionAs(roles),
    },
  );
  return host;
}

// Each test renders afresh; the previous page (and its portals) must not answer the queries.
afterEach(() => {
  document.body.innerHTML = "";
});

const q = (id: string) => document.querySelectorAll(`[data-testid="${id}"]`);

it("shows the lot, its hold, its codes and a graph of the trace", async () => {
  await render();
  expect(q("page-title")[0]?.textContent).toContain("L-1");
  expect(q("lot-status")[0]?.getAttribute("data-status")).toBe("on_hold");
  expect(q("lot-hold-badge")).toHaveLength(1);
  expect(q("lot-on-hold-qty")[0]?.textContent).toContain("40");
  expect(q("lot-b-stock")[0]?.textContent).toContain("3");
  expect(q("lot-hold-covers")[0]?.textContent).toBe("Whole lot");
  expect(q("lot-expiry")[0]?.getAttribute("data-expiry")).toBe("expired");
  expect(q("lot-gs1")[0]?.textContent).toBe("(01)04006381333931(10)L-1");
  expect(q("lot-outputs-row")).toHaveLength(1);
  expect(q("trace-direction")).toHaveLength(1);
  expect(q("trace-graph")).toHaveLength(1);
  expect(q("trace-order")).toHaveLength(1);
  expect(q("customer-row")).toHaveLength(1);
  expect(q("trace-failure")[0]?.textContent).toBe("QF-1");

  await act(async () => (q("lot-recall-scope")[0] as HTMLElement).click());
  for (let i = 0; i < 5; i++) await act(async () => new Promise((r) => setTimeout(r, 10)));
  expect(q("recall-lots")[0]?.textContent).toBe("2");
  expect(q("recall-scope-export-customers")).toHaveLength(1);
  expect(q("recall-start")).toHaveLength(1);
  expect(q("recall-reason")).toHaveLength(1);
});

it("offers hold, release and the recall start by role", async () => {
  await render(["quality_lead"]);
  expect(q("lot-label")).toHaveLength(1);
  expect(q("lot-hold")).toHaveLength(1);
  expect(q("lot-release")).toHaveLength(1);
  document.body.innerHTML = "";

  await render(["logistics"]);
  expect(q("lot-label")).toHaveLength(1);
  expect(q("lot-hold")).toHaveLength(1);
  expect(q("lot-release")).toHaveLength(0);
  await act(async () => (q("lot-recall-scope")[0] as HTMLElement).click());
  for (let i = 0; i < 5; i++) await act(async () => new Promise((r) => setTimeout(r, 10)));
  expect(q("recall-lots")[0]?.textContent).toBe("2");
  expect(q("recall-start")).toHaveLength(0);
  document.body.innerHTML = "";

  await render(["finance"]);
  expect(q("lot-hold")).toHaveLength(0);
  expect(q("lot-release")).toHaveLength(0);
});
