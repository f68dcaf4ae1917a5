import type { ComplaintStatus } from "../../backend/bindings/ComplaintStatus";
import type { WorkOrderStatus } from "../../backend/bindings/WorkOrderStatus";
import { StateBadge } from "../../components/StatusBadge";
import { COMPLAINT_COLOR, WORK_ORDER_COLOR } from "./production";

type Props<S> = { status: S; testId?: string };

export const WorkOrderStatusBadge = ({ status, testId }: Props<WorkOrderStatus>) => (
  <StateBadge
    status={status}
    colors={WORK_ORDER_COLOR}
    prefix="work_orders.status"
    done="completed"
    testId={testId}
  />
);

export const ComplaintStatusBadge = ({ status, testId }: Props<ComplaintStatus>) => (
  <StateBadge
    status={status}
    colors={COMPLAINT_COLOR}
    prefix="complaints.status"
    done="closed"
    testId={testId}
  />
);
