import "@xyflow/react/dist/style.css";
import { Alert, Box } from "@mantine/core";
import { useNavigate } from "@tanstack/react-router";
import { Background, Controls, type Edge, MarkerType, ReactFlow } from "@xyflow/react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { Direction } from "../../../backend/bindings/Direction";
import { formatQty } from "../dates";
import type { TraceGraph as Graph } from "./graph";
import { type LotNode, LotNodeView } from "./LotNode";
import { type WorkOrderNode, WorkOrderNodeView } from "./WorkOrderNode";

// Outside the component: React Flow re-registers node types whenever this object changes.
const nodeTypes = { lot: LotNodeView, work_order: WorkOrderNodeView };

/** The trace as a left-to-right graph; arrows point the way the material went. */
export function TraceGraph({ graph, direction }: { graph: Graph; direction: Direction }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const nodes: (LotNode | WorkOrderNode)[] = useMemo(
    () => [
      ...graph.nodes.map(
        (n): LotNode => ({
          id: n.id,
          type: "lot",
          position: { x: n.x, y: n.y },
          data: n.data,
          draggable: false,
          connectable: false,
        }),
      ),
      ...graph.workOrders.map(
        (w): WorkOrderNode => ({
          id: w.id,
          type: "work_order",
          position: { x: w.x, y: w.y },
          data: { work_order_no: w.work_order_no },
          draggable: false,
          connectable: false,
        }),
      ),
    ],
    [graph],
  );
  const edges: Edge[] = useMemo(
    () =>
      graph.edges.map((e) => {
        const arrow = { type: MarkerType.ArrowClosed, width: 16, height: 16 };
        return {
          id: e.id,
          source: e.source,
          target: e.target,
          label: [
            e.qty === null ? null : formatQty(e.qty, e.unit, i18n.language),
            e.kind ? t(`lots.link_kind.${e.kind}`) : null,
          ]
            .filter(Boolean)
            .join(" · "),
          labelBgPadding: [4, 2] as [number, number],
          labelStyle: { fontSize: 11 },
          // Backward, the nearer lot was made from the farther one: the arrow points back.
          ...(direction === "forward" ? { markerEnd: arrow } : { markerStart: arrow }),
        };
      }),
    [graph, direction, t, i18n.language],
  );
  return (
    <Box>
      {graph.shown < graph.total && (
        <Alert color="yellow" variant="light" mb="sm" data-testid="trace-graph-limited">
          {t("lots.trace.graph_limited", { shown: graph.shown, total: graph.total })}
        </Alert>
      )}
      <Box
        h={520}
        style={{ border: "1px solid var(--mantine-color-gray-3)", borderRadius: 8 }}
        data-testid="trace-graph"
      >
        <ReactFlow
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          fitView
          // A small trace would otherwise be blown up to fill the pane.
          fitViewOptions={{ maxZoom: 1, padding: 0.15 }}
          minZoom={0.1}
          nodesDraggable={false}
          nodesConnectable={false}
          proOptions={{ hideAttribution: true }}
          onNodeClick={(_, node) => {
            if (node.type === "work_order")
              void navigate({
                to: "/work-orders/$workOrderNo",
                params: { workOrderNo: node.data.work_order_no },
              });
            else if (!node.data.root)
              void navigate({ to: "/lots/$lotCode", params: { lotCode: node.id } });
          }}
        >
          <Background />
          <Controls showInteractive={false} />
        </ReactFlow>
      </Box>
    </Box>
  );
}
