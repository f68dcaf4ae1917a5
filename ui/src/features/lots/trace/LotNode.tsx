import { Text } from "@mantine/core";
import type { Node, NodeProps } from "@xyflow/react";
import { useTranslation } from "react-i18next";
import { LOT_STATUS_COLOR } from "../badges";
import { formatQty } from "../dates";
import type { LotNodeData } from "./graph";
import { NodeFrame } from "./NodeFrame";

export type LotNode = Node<LotNodeData, "lot">;

/** A lot in the trace graph: its code, SKU and stock, edged in its status colour. */
export function LotNodeView({ data }: NodeProps<LotNode>) {
  const { t, i18n } = useTranslation();
  const color = `var(--mantine-color-${LOT_STATUS_COLOR[data.status]}-6)`;
  return (
    <NodeFrame
      title={t(`lots.status.${data.status}`)}
      data-testid="trace-node"
      data-lot={data.lot_code}
      data-status={data.status}
      style={{
        width: 190,
        borderRadius: 8,
        background: "white",
        border: `${data.root ? 3 : 1}px solid ${color}`,
        borderLeftWidth: 6,
        cursor: data.root ? "default" : "pointer",
      }}
    >
      <Text size="sm" fw={700} truncate data-testid={`trace-node-${data.lot_code}`}>
        {data.lot_code}
      </Text>
      <Text size="xs" c="dimmed" truncate>
        {data.sku}
      </Text>
      <Text size="xs" truncate>
        {t("lots.trace.node_on_hand", { qty: formatQty(data.on_hand, data.unit, i18n.language) })}
        {" · "}
        <Text span inherit c={color}>
          {t(`lots.status.${data.status}`)}
        </Text>
      </Text>
    </NodeFrame>
  );
}
