import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { RecallStatus } from "../../backend/bindings/RecallStatus";
import { RECALL_STATUS_COLOR } from "./recall";

export function RecallStatusBadge({ status, testId }: { status: RecallStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={RECALL_STATUS_COLOR[status]}
      variant={status === "open" ? "filled" : "light"}
      data-testid={testId}
      data-status={status}
    >
      {t(`recalls.status.${status}`)}
    </Badge>
  );
}
