import { useTranslation } from "react-i18next";
import { CellBadge } from "../../components/CellBadge";
import { CellStatusBadge } from "../../components/StatusBadge";

const STATUS_COLOR: Record<string, string> = {
  open: "red",
  in_disposition: "yellow",
  awaiting_approval: "grape",
  closed: "gray",
};
const SEVERITY_COLOR: Record<string, string> = { critical: "red", major: "orange", minor: "blue" };

export function StatusBadge({ status, testId }: { status: string; testId?: string }) {
  return (
    <CellStatusBadge
      status={status}
      colors={STATUS_COLOR}
      prefix="failure.status"
      testId={testId}
    />
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
