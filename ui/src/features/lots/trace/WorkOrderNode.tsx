import { Anchor, Text } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import { Handle, type Node, type NodeProps, Position } from "@xyflow/react";
import { useTranslation } from "react-i18next";

export type WorkOrderNode = Node<{ work_order_no: string }, "work_order">;

/** The production run a link passes through: it consumed the lots on one side into the other. */
export function WorkOrderNodeView({ data }: NodeProps<WorkOrderNode>) {
  const { t } = useTranslation();
  return (
    <div
      data-testid="trace-wo-node"
      data-no={data.work_order_no}
      style={{
        width: 170,
        padding: "6px 10px",
        borderRadius: 20,
        background: "var(--mantine-color-gray-0)",
        border: "1px dashed var(--mantine-color-gray-6)",
        textAlign: "center",
        cursor: "pointer",
      }}
    >
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <Text size="xs" c="dimmed">
        {t("lots.trace.work_order")}
      </Text>
      <Anchor
        size="sm"
        fw={700}
        data-testid="trace-wo-link"
        // The node's own click would navigate too; one navigation is enough.
        onClick={(e) => e.stopPropagation()}
        renderRoot={(props) => (
          <Link
            {...props}
            to="/work-orders/$workOrderNo"
            params={{ workOrderNo: data.work_order_no }}
          />
        )}
      >
        {data.work_order_no}
      </Anchor>
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
}
