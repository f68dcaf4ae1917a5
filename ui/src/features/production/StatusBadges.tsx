import type { ComplaintStatus } from "../../backend/bindings/ComplaintStatus";
import type { WorkOrderStatus } from "../../backend/bindings/WorkOrderStatus";
import { stateBadge } from "../../components/StatusBadge";
import { COMPLAINT_COLOR, WORK_ORDER_COLOR } from "./production";

export const WorkOrderStatusBadge = stateBadge<WorkOrderStatus>(
  WORK_ORDER_COLOR,
  "work_orders.status",
  "completed",
);

export const ComplaintStatusBadge = stateBadge<ComplaintStatus>(
  COMPLAINT_COLOR,
  "complaints.status",
  "closed",
);
