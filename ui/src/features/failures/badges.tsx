import { useTranslation } from "react-i18next";
import { CellBadge } from "../../components/CellBadge";
import { cellStatusBadge } from "../../components/StatusBadge";

const STATUS_COLOR: Record<string, string> = {
  open: "red",
  in_disposition: "yellow",
  awaiting_approval: "grape",
  closed: "gray",
};
const SEVERITY_COLOR: Record<string, string> = { critical: "red", major: "orange", minor: "blue" };

export const StatusBadge = cellStatusBadge(STATUS_COLOR, "failure.status");

export function SeverityBadge({ severity }: { severity: string }) {
  const { t } = useTranslation();
  return (
    <CellBadge color={SEVERITY_COLOR[severity] ?? "gray"} variant="dot">
      {t(`failure.severity.${severity}`)}
    </CellBadge>
  );
}
