import type { LinkKind } from "../../../backend/bindings/LinkKind";
import type { LotStatus } from "../../../backend/bindings/LotStatus";
import type { TraceResult } from "../../../backend/bindings/TraceResult";

/** More nodes than this make the graph unreadable and slow; the table still lists them all. */
export const GRAPH_LIMIT = 300;
export const COLUMN_GAP = 340;
export const ROW_GAP = 90;

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
export type PlacedEdge = {
  id: string;
  /** Always the nearer lot (left), so edges run left to right whichever way the trace went. */
  source: string;
  target: string;
  qty: number;
  unit: string;
  kind: LinkKind | null;
};
export type TraceGraph = { nodes: PlacedNode[]; edges: PlacedEdge[]; shown: number; total: number };

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
  const nodes: PlacedNode[] = [];
  for (const [depth, layer = []] of layers.entries()) {
    const parentRank = (n: LotNodeData) => rank.get(via.get(n.lot_code) ?? "") ?? Infinity;
    const ordered = layer
      .map((n, i) => ({ n, i }))
      .sort((a, b) => parentRank(a.n) - parentRank(b.n) || a.i - b.i)
      .map(({ n }) => n);
    ordered.forEach((n, i) => {
      rank.set(n.lot_code, i);
      nodes.push({
        id: n.lot_code,
        x: depth * COLUMN_GAP,
        y: (i - (ordered.length - 1) / 2) * ROW_GAP,
        data: n,
      });
    });
  }

  const shownIds = new Set(nodes.map((n) => n.id));
  const edges: PlacedEdge[] = nearest
    .filter((l) => shownIds.has(l.via))
    .map((l) => ({
      id: `${l.via}->${l.lot_code}`,
      source: l.via,
      target: l.lot_code,
      qty: l.qty,
      unit: l.unit,
      kind: l.kind,
    }));
  return { nodes, edges, shown: nodes.length, total: lots.length + 1 };
}
