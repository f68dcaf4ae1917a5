import { Handle, Position } from "@xyflow/react";
import type { CSSProperties, ReactNode } from "react";

/**
 * A node's box in the trace graph, links coming in on the left and going out on the right; the
 * graph is read, not edited, so no handle takes a new link.
 */
export function NodeFrame({
  style,
  children,
  ...attributes
}: {
  style: CSSProperties;
  children: ReactNode;
  title?: string;
} & Record<`data-${string}`, string>) {
  return (
    <div {...attributes} style={{ padding: "6px 10px", ...style }}>
      <Handle type="target" position={Position.Left} isConnectable={false} />
      {children}
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
}
