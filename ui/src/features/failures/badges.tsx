import { useTranslation } from "react-i18next";
import { CellBadge } from "../../components/CellBadge";

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
    <CellBadge color={STATUS_COLOR[status] ?? "gray"} testId={testId} data={{ status }}>
      {t(`failure.status.${status}`)}
    </CellBadge>
  );
}

export function SeverityBadge({ severity }: { severity: string }) {
  const { t } = useTranslation();
  return (
    <CellBadge color={SEVERITY_COLOR[severity] ?? "gray"} variant="dot">
      {t(`failure.severity.${severity}`)}
    </CellBadge>
  );
}
