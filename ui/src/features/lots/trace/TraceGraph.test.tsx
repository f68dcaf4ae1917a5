import { createRoute } from "@tanstack/react-router";
import { act } from "react";
import "../../../i18n";
import type { TraceLot } from "../../../backend/bindings/TraceLot";
import { settle } from "../../../testing/mount";
import { byTestId, mountAt } from "../../../testing/route";
import { layoutTrace } from "./graph";
import { TraceGraph } from "./TraceGraph";

const lot = (lot_code: string, qty: number): TraceLot => ({
  lot_code,
  depth: 1,
  via: "OUT-1",
  qty,
  kind: "assembly",
  sku: "PART",
  vendor_code: "V1",
  status: "available",
  on_hand: 0,
  unit: "pcs",
  expiry_date: null,
  location: null,
  work_order_no: "WO-AMS1-000001",
});

// Backward from the output lot: the run consumed two component lots.
const graph = layoutTrace(
  {
    root: "OUT-1",
    direction: "backward",
    lots: [lot("C-1", 4), lot("C-2", 6)],
    orders: [],
    customers: [],
    failures: [],
    rmas: [],
    work_orders: [{ number: "WO-AMS1-000001", lot_code: "OUT-1" }],
  },
  { lot_code: "OUT-1", sku: "KIT", on_hand: 10, unit: "pcs", status: "available" },
);

afterEach(() => {
  document.body.innerHTML = "";
});

it("draws the work order as a node between its lots, linking to the work order", async () => {
  const router = await mountAt("/lots/OUT-1", (root) =>
    createRoute({
      getParentRoute: () => root,
      path: "/lots/$lotCode",
      component: () => <TraceGraph graph={graph} direction="backward" />,
    }),
  );
  const nodes = byTestId("trace-wo-node");
  expect(nodes).toHaveLength(1);
  expect(nodes[0]?.getAttribute("data-no")).toBe("WO-AMS1-000001");
  expect(nodes[0]?.textContent).toContain("Work order");
  expect([...byTestId("trace-node")].map((n) => n.getAttribute("data-lot")).sort()).toEqual([
    "C-1",
    "C-2",
    "OUT-1",
  ]);

  const link = byTestId("trace-wo-link")[0];
  expect(link?.textContent).toBe("WO-AMS1-000001");
  expect(link?.getAttribute("href")).toBe("/work-orders/WO-AMS1-000001");
  await act(async () => link?.click());
  await settle();
  expect(router.state.location.pathname).toBe("/work-orders/WO-AMS1-000001");
});
