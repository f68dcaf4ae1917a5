import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";

const STATUS_COLOR: Record<string, string> = {
  open: "red",
  in_disposition: "yellow",
  awaiting_approval: "grape",
  closed: "gray",
};
const SEVERITY_COLOR: Record<string, string> = { critical: "red", major: "orange", minor: "blue" };

export function StatusBadge({ status, testId }: { status: string; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={STATUS_COLOR[status] ?? "gray"}
      variant="light"
      data-testid={testId}
      data-status={status}
    >
      {t(`failure.status.${status}`)}
    </Badge>
  );
}

export function SeverityBadge({ severity }: { severity: string }) {
  const { t } = useTranslation();
  return (
    <Badge color={SEVERITY_COLOR[severity] ?? "gray"} variant="dot">
      {t(`failure.severity.${severity}`)}
    </Badge>
  );
}
