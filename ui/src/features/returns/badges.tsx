import { Badge, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { CellBadge } from "../../components/CellBadge";
import { cellStatusBadge } from "../../components/StatusBadge";
import { SLA_COLOR } from "../../components/slaColor";
import { formatDateTimeShort, formatDueShort } from "../../format";
import type { RmaStatus, WithSla } from "./types";
import { VERDICT_COLOR, type VerdictLabel } from "./verdict";

const STATUS_COLOR: Record<RmaStatus, string> = {
  escalated: "orange",
  suspended: "yellow",
  approved: "blue",
  label_printed: "indigo",
  in_transit: "grape",
  received: "cyan",
  inspected: "violet",
  settled: "teal",
  rejected: "red",
  cancelled: "gray",
};

export const RmaStatusBadge = cellStatusBadge<RmaStatus>(STATUS_COLOR, "returns.status");

/** In a table column the short word, with the full one on hover. */
export function VerdictBadge({
  verdict,
  testId,
  short = false,
}: {
  verdict: VerdictLabel;
  testId?: string;
  short?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Badge
      color={VERDICT_COLOR[verdict]}
      variant="outline"
      title={short ? t(`returns.verdict.${verdict}`) : undefined}
      data-testid={testId}
      data-verdict={verdict}
    >
      {t(short ? `returns.verdict_short.${verdict}` : `returns.verdict.${verdict}`)}
    </Badge>
  );
}

/** Whose turn it is and by when: red when late, orange when close; a dash when no deadline runs. */
export function SlaCell({ row, wrap = false }: { row: WithSla; wrap?: boolean }) {
  const { t, i18n } = useTranslation();
  if (!row.sla_step) return <Text c="dimmed">—</Text>;
  const sla = row.sla ?? null;
  return (
    <Group
      gap={6}
      wrap={wrap ? "wrap" : "nowrap"}
      title={sla ? t(`reshipment.sla.${sla}`) : undefined}
      data-testid="rma-sla"
      data-sla={sla ?? ""}
    >
      <Text size="sm" c={sla === "overdue" ? "red" : sla === "at_risk" ? "orange" : undefined}>
        {t(`returns.sla_step.${row.sla_step}`)}
        {row.due_at
          ? ` · ${wrap ? formatDateTimeShort(row.due_at, i18n.language) : formatDueShort(row.due_at, i18n.language)}`
          : ""}
      </Text>
      {sla && sla !== "closed" && wrap && (
        <CellBadge color={SLA_COLOR[sla]}>{t(`reshipment.sla.${sla}`)}</CellBadge>
      )}
    </Group>
  );
}
