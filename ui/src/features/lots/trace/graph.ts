import type { LinkKind } from "../../../backend/bindings/LinkKind";
import type { LotStatus } from "../../../backend/bindings/LotStatus";
import type { TraceResult } from "../../../backend/bindings/TraceResult";

/** More nodes than this make the graph unreadable and slow; the table still lists them all. */
export const GRAPH_LIMIT = 300;
export const COLUMN_GAP = 340;
export const ROW_GAP = 90;
/** The extra room a column of work orders takes between two columns of lots. */
export const WORK_ORDER_GAP = 320;

/** What a node shows; the root comes from the lot page, the others from the trace. */
export type LotNodeData = {
  lot_code: string;
  sku: string;
  on_hand: number;
  unit: string;
  status: LotStatus;
  depth: number;
  root: boolean;
};

export type PlacedNode = { id: string; x: number; y: number; data: LotNodeData };
/** A work order the trace passes through, drawn between its component lots and its output lot. */
export type PlacedWorkOrder = { id: string; x: number; y: number; work_order_no: string };
export type PlacedEdge = {
  id: string;
  /** Always the nearer side (left), so edges run left to right whichever way the trace went. */
  source: string;
  target: string;
  /** Null on the edge into a work order: the quantity is on the edge out of it, by the farther lot. */
  qty: number | null;
  unit: string;
  kind: LinkKind | null;
};
export type TraceGraph = {
  nodes: PlacedNode[];
  workOrders: PlacedWorkOrder[];
  edges: PlacedEdge[];
  shown: number;
  total: number;
};

export const workOrderNodeId = (no: string) => `wo:${no}`;

/**
 * Lays the trace out in columns by depth (root at depth 0 on the left). Within a column lots sit
 * in the order of the lot they were reached from, which keeps most edges from crossing.
 */
export function layoutTrace(
  result: TraceResult,
  root: Omit<LotNodeData, "depth" | "root">,
  limit = GRAPH_LIMIT,
): TraceGraph {
  const seen = new Set([root.lot_code]);
  const lots = result.lots.filter((l) => {
    if (seen.has(l.lot_code)) return false;
    seen.add(l.lot_code);
    return true;
  });
  // Nearest first (the backend sends them so; a stable sort keeps its order within a depth).
  const nearest = [...lots].sort((a, b) => a.depth - b.depth).slice(0, Math.max(0, limit - 1));

  const rootNode: LotNodeData = { ...root, depth: 0, root: true };
  const layers: LotNodeData[][] = [[rootNode]];
  const rank = new Map([[root.lot_code, 0]]);
  for (const lot of nearest) {
    const depth = Math.max(1, lot.depth);
    layers[depth] ??= [];
    layers[depth].push({
      lot_code: lot.lot_code,
      sku: lot.sku,
      on_hand: lot.on_hand,
      unit: lot.unit,
      status: lot.status,
      depth,
      root: false,
    });
  }
  const via = new Map(nearest.map((l) => [l.lot_code, l.via]));
  const workOrderOf = new Map(nearest.map((l) => [l.lot_code, l.work_order_no]));
  const nodes: PlacedNode[] = [];
  // A column of lots reached through work orders moves right to make room for them.
  const columnX: number[] = [];
  for (const [depth, layer = []] of layers.entries()) {
    const before = depth === 0 ? -COLUMN_GAP : (columnX[depth - 1] ?? 0);
    const room = layer.some((n) => workOrderOf.get(n.lot_code)) ? WORK_ORDER_GAP : 0;
    columnX[depth] = before + COLUMN_GAP + room;
    const parentRank = (n: LotNodeData) => rank.get(via.get(n.lot_code) ?? "") ?? Infinity;
    // Lots of one work order sit together, so its node can sit in the middle of them.
    const group = new Map<string, number>();
    const groupRank = (n: LotNodeData) => {
      const key = `${via.get(n.lot_code) ?? ""} ${workOrderOf.get(n.lot_code) ?? ""}`;
      if (!group.has(key)) group.set(key, group.size);
      return group.get(key) ?? 0;
    };
    const ordered = layer
      .map((n, i) => ({ n, i, g: groupRank(n) }))
      .sort((a, b) => parentRank(a.n) - parentRank(b.n) || a.g - b.g || a.i - b.i)
      .map(({ n }) => n);
    ordered.forEach((n, i) => {
      rank.set(n.lot_code, i);
      nodes.push({
        id: n.lot_code,
        x: columnX[depth] ?? 0,
        y: (i - (ordered.length - 1) / 2) * ROW_GAP,
        data: n,
      });
    });
  }

  const shownIds = new Set(nodes.map((n) => n.id));
  const shown = nearest.filter((l) => shownIds.has(l.via) && shownIds.has(l.lot_code));
  const workOrders = placeWorkOrders(shown, nodes);
  const edges: PlacedEdge[] = [];
  const into = new Set<string>();
  for (const l of shown) {
    const far = { qty: l.qty, unit: l.unit, kind: l.kind };
    if (!l.work_order_no) {
      edges.push({ id: `${l.via}->${l.lot_code}`, source: l.via, target: l.lot_code, ...far });
      continue;
    }
    const wo = workOrderNodeId(l.work_order_no);
    const inId = `${l.via}->${wo}`;
    if (!into.has(inId)) {
      into.add(inId);
      edges.push({ id: inId, source: l.via, target: wo, qty: null, unit: l.unit, kind: null });
    }
    edges.push({ id: `${wo}->${l.lot_code}`, source: wo, target: l.lot_code, ...far });
  }
  return { nodes, workOrders, edges, shown: nodes.length, total: lots.length + 1 };
}

/** Each work order once, in the room left of the lots reached through it, level with their middle. */
function placeWorkOrders(shown: TraceResult["lots"], nodes: PlacedNode[]): PlacedWorkOrder[] {
  const at = new Map(nodes.map((n) => [n.id, n]));
  const ys = new Map<string, { x: number; ys: number[] }>();
  for (const l of shown) {
    const lot = at.get(l.lot_code);
    if (!l.work_order_no || !lot) continue;
    const entry = ys.get(l.work_order_no) ?? { x: lot.x - WORK_ORDER_GAP, ys: [] };
    entry.ys.push(lot.y);
    ys.set(l.work_order_no, entry);
  }
  return [...ys].map(([no, { x, ys: rows }]) => ({
    id: workOrderNodeId(no),
    x,
    y: rows.reduce((sum, y) => sum + y, 0) / rows.length,
    work_order_no: no,
  }));
}
