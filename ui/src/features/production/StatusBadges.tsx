import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ComplaintStatus } from "../../backend/bindings/ComplaintStatus";
import type { WorkOrderStatus } from "../../backend/bindings/WorkOrderStatus";
import { COMPLAINT_COLOR, WORK_ORDER_COLOR } from "./production";

export function WorkOrderStatusBadge({
  status,
  testId,
}: {
  status: WorkOrderStatus;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Badge
      color={WORK_ORDER_COLOR[status]}
      variant={status === "completed" ? "light" : "filled"}
      data-testid={testId}
      data-status={status}
    >
      {t(`work_orders.status.${status}`)}
    </Badge>
  );
}

export function ComplaintStatusBadge({
  status,
  testId,
}: {
  status: ComplaintStatus;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Badge
      color={COMPLAINT_COLOR[status]}
      variant={status === "closed" ? "light" : "filled"}
      data-testid={testId}
      data-status={status}
    >
      {t(`complaints.status.${status}`)}
    </Badge>
  );
}
