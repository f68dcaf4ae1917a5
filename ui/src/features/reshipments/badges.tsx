import { Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { CellBadge } from "../../components/CellBadge";
import { cellStatusBadge } from "../../components/StatusBadge";
import { SLA_COLOR } from "../../components/slaColor";
import type { ReshipmentStatus, SlaState } from "./types";

const STATUS_COLOR: Record<ReshipmentStatus, string> = {
  requested: "yellow",
  authorized: "blue",
  rejected: "red",
  shipped: "grape",
  delivered: "teal",
  cancelled: "gray",
};

export const ReshipmentStatusBadge = cellStatusBadge<ReshipmentStatus>(
  STATUS_COLOR,
  "reshipment.status",
);

/** Where a reshipment stands against its due date: red when late, orange when close. */
export function SlaBadge({
  sla,
  dueOn,
  wrap = false,
}: {
  sla: SlaState | null;
  dueOn: string;
  /** In a narrow column the badge may go under the date; table rows keep one line. */
  wrap?: boolean;
}) {
  const { t } = useTranslation();
  if (sla === null || sla === "closed")
    return (
      <Text size="sm" c="dimmed">
        {dueOn}
      </Text>
    );
  return (
    <Group gap={6} wrap={wrap ? "wrap" : "nowrap"}>
      <Text size="sm" c={sla === "overdue" ? "red" : sla === "at_risk" ? "orange" : undefined}>
        {dueOn}
      </Text>
      <CellBadge color={SLA_COLOR[sla]} data={{ sla }}>
        {t(`reshipment.sla.${sla}`)}
      </CellBadge>
    </Group>
  );
}
