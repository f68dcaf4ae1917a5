import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";

const COLOR: Record<string, string> = {
  open: "gray",
  shipped: "blue",
  reshipment_pending: "yellow",
  reshipment_shipped: "grape",
  reshipment_delivered: "teal",
  cancelled: "red",
};

/** An order's or order line's status, in the UI language. */
export function OrderStatusBadge({ status, testId }: { status: string; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Badge
      variant="light"
      color={COLOR[status] ?? "gray"}
      data-testid={testId}
      data-status={status}
    >
      {t(`masterdata.orders.status.${status}`, { defaultValue: status })}
    </Badge>
  );
}
