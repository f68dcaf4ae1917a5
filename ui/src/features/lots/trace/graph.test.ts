import type { TraceLot } from "../../../backend/bindings/TraceLot";
import type { TraceResult } from "../../../backend/bindings/TraceResult";
import { COLUMN_GAP, layoutTrace, ROW_GAP, WORK_ORDER_GAP } from "./graph";

const lot = (
  lot_code: string,
  depth: number,
  via: string,
  qty = 1,
  work_order_no: string | null = null,
): TraceLot => ({
  lot_code,
  depth,
  via,
  qty,
  kind: "split",
  sku: "SKU",
  vendor_code: "V",
  status: "available",
  on_hand: 5,
  unit: "pcs",
  expiry_date: null,
  location: null,
  work_order_no,
});

const result = (lots: TraceLot[]): TraceResult => ({
  root: "R",
  direction: "forward",
  lots,
  orders: [],
  customers: [],
  failures: [],
  rmas: [],
  work_orders: [],
});

const root = { lot_code: "R", sku: "SKU", on_hand: 10, unit: "pcs", status: "on_hold" as const };

describe("layoutTrace", () => {
  it("puts each depth in its own column, centred on the root", () => {
    const graph = layoutTrace(result([lot("A", 1, "R"), lot("B", 1, "R"), lot("C", 2, "A")]), root);
    const at = Object.fromEntries(graph.nodes.map((n) => [n.id, [n.x, n.y]]));
    expect(at).toEqual({
      R: [0, 0],
      A: [COLUMN_GAP, -ROW_GAP / 2],
      B: [COLUMN_GAP, ROW_GAP / 2],
      C: [2 * COLUMN_GAP, 0],
    });
    expect(graph.nodes[0]?.data.root).toBe(true);
    expect(graph.shown).toBe(4);
    expect(graph.total).toBe(4);
  });

  it("draws an edge from each lot's via lot, with its quantity and kind", () => {
    const graph = layoutTrace(result([lot("A", 1, "R", 3), lot("C", 2, "A", 2)]), root);
    expect(graph.edges).toEqual([
      { id: "R->A", source: "R", target: "A", qty: 3, unit: "pcs", kind: "split" },
      { id: "A->C", source: "A", target: "C", qty: 2, unit: "pcs", kind: "split" },
    ]);
  });

  it("orders a column by the lots it was reached from, to avoid crossings", () => {
    const graph = layoutTrace(
      result([lot("A", 1, "R"), lot("B", 1, "R"), lot("B1", 2, "B"), lot("A1", 2, "A")]),
      root,
    );
    const column = graph.nodes.filter((n) => n.data.depth === 2).map((n) => n.id);
    expect(column).toEqual(["A1", "B1"]);
  });

  it("keeps the nearest lots when the trace is too big, and says how many there were", () => {
    const lots = [lot("FAR", 2, "A"), lot("A", 1, "R"), lot("B", 1, "R")];
    const graph = layoutTrace(result(lots), root, 3);
    expect(graph.nodes.map((n) => n.id).sort()).toEqual(["A", "B", "R"]);
    expect(graph.edges.map((e) => e.target).sort()).toEqual(["A", "B"]);
    expect(graph.shown).toBe(3);
    expect(graph.total).toBe(4);
  });

  it("ignores the root and duplicates in the trace", () => {
    const graph = layoutTrace(result([lot("R", 1, "A"), lot("A", 1, "R"), lot("A", 2, "R")]), root);
    expect(graph.nodes.map((n) => n.id)).toEqual(["R", "A"]);
    expect(graph.total).toBe(2);
  });

  it("puts a work order between its component lots and its output lot", () => {
    // Backward from the output lot R: the run WO-1 consumed C1 (4) and C2 (6); A came by a split.
    const graph = layoutTrace(
      result([
        lot("C1", 1, "R", 4, "WO-1"),
        lot("A", 1, "R", 2),
        lot("C2", 1, "R", 6, "WO-1"),
        lot("C1a", 2, "C1", 4),
      ]),
      root,
    );
    const at = Object.fromEntries(graph.nodes.map((n) => [n.id, [n.x, n.y]]));
    // The components' column moves right by the work order's room; C1 and C2 sit together.
    const lots = COLUMN_GAP + WORK_ORDER_GAP;
    expect(at).toEqual({
      R: [0, 0],
      C1: [lots, -ROW_GAP],
      C2: [lots, 0],
      A: [lots, ROW_GAP],
      C1a: [lots + COLUMN_GAP, 0],
    });
    expect(graph.workOrders).toEqual([
      { id: "wo:WO-1", x: COLUMN_GAP, y: -ROW_GAP / 2, work_order_no: "WO-1" },
    ]);
    expect(graph.edges).toEqual([
      { id: "R->wo:WO-1", source: "R", target: "wo:WO-1", qty: null, unit: "pcs", kind: null },
      { id: "wo:WO-1->C1", source: "wo:WO-1", target: "C1", qty: 4, unit: "pcs", kind: "split" },
      { id: "R->A", source: "R", target: "A", qty: 2, unit: "pcs", kind: "split" },
      { id: "wo:WO-1->C2", source: "wo:WO-1", target: "C2", qty: 6, unit: "pcs", kind: "split" },
      { id: "C1->C1a", source: "C1", target: "C1a", qty: 4, unit: "pcs", kind: "split" },
    ]);
    expect(graph.shown).toBe(5);
  });
});
