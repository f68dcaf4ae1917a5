import { Text } from "@mantine/core";
import type { Node, NodeProps } from "@xyflow/react";
import { useTranslation } from "react-i18next";
import { RecordLink } from "../../../components/RecordLink";
import { NodeFrame } from "./NodeFrame";

export type WorkOrderNode = Node<{ work_order_no: string }, "work_order">;

/** The production run a link passes through: it consumed the lots on one side into the other. */
export function WorkOrderNodeView({ data }: NodeProps<WorkOrderNode>) {
  const { t } = useTranslation();
  return (
    <NodeFrame
      data-testid="trace-wo-node"
      data-no={data.work_order_no}
      style={{
        width: 170,
        borderRadius: 20,
        background: "var(--mantine-color-gray-0)",
        border: "1px dashed var(--mantine-color-gray-6)",
        textAlign: "center",
        cursor: "pointer",
      }}
    >
      <Text size="xs" c="dimmed">
        {t("lots.trace.work_order")}
      </Text>
      <RecordLink
        page="workOrder"
        no={data.work_order_no}
        fw={700}
        testId="trace-wo-link"
        // The node's own click would navigate too; one navigation is enough.
        onClick={(e) => e.stopPropagation()}
      />
    </NodeFrame>
  );
}
