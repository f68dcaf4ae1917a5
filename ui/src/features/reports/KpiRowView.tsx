import { Group, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { KpiFigure } from "../../backend/bindings/KpiFigure";
import type { KpiRow } from "../../backend/bindings/KpiRow";
import { StateBadge } from "./StateBadge";
import { TrendIcon } from "./TrendIcon";
import { formatKpiValue, NO_DATA } from "./units";

const EMPTY: KpiFigure = {
  currency: null,
  unit_of_measure: null,
  value: null,
  previous: null,
  sample: 0,
  target: null,
  change: null,
  trend: null,
  state: "neutral",
};

/**
 * One KPI with its definition written next to it; a money KPI has a line per currency, a KPI
 * counted in units a line per unit of measure (pieces and kilograms are never added).
 */
export function KpiRowView({ row }: { row: KpiRow }) {
  const { t, i18n } = useTranslation();
  const figures = row.figures.length > 0 ? row.figures : [EMPTY];
  const fmt = (value: number | null, currency: string | null) =>
    formatKpiValue(row.unit, value, currency, i18n.language);
  const side = row.direction === "at_most" ? "≤ " : row.direction === "at_least" ? "≥ " : "";
  return (
    <>
      {figures.map((f, i) => (
        <Table.Tr
          key={f.currency ?? f.unit_of_measure ?? "-"}
          data-testid="kpi-row"
          data-kpi={row.id}
          data-currency={f.currency ?? undefined}
          data-unit-of-measure={f.unit_of_measure ?? undefined}
          data-state={f.state}
        >
          {i === 0 && (
            <Table.Td rowSpan={figures.length} maw={420}>
              <Stack gap={2}>
                <Text fw={600} size="sm">
                  {t(`kpi.${row.id}.name`)}
                </Text>
                <Text c="dimmed" size="xs" data-testid="kpi-definition">
                  {t(`kpi.${row.id}.definition`, { defaultValue: row.definition })}
                </Text>
              </Stack>
            </Table.Td>
          )}
          <Table.Td ta="right" fw={600} data-testid="kpi-value">
            <Group gap={4} justify="flex-end" wrap="nowrap">
              {(f.currency ?? f.unit_of_measure) && (
                <Text span size="xs" c="dimmed">
                  {f.currency ?? f.unit_of_measure}
                </Text>
              )}
              {fmt(f.value, f.currency)}
            </Group>
          </Table.Td>
          <Table.Td ta="right">
            {f.target === null ? NO_DATA : `${side}${fmt(f.target, f.currency)}`}
          </Table.Td>
          <Table.Td ta="right">{fmt(f.previous, f.currency)}</Table.Td>
          <Table.Td ta="center">
            <TrendIcon trend={f.trend} />
          </Table.Td>
          <Table.Td ta="right">{f.sample}</Table.Td>
          <Table.Td>
            <StateBadge state={f.state} />
          </Table.Td>
        </Table.Tr>
      ))}
    </>
  );
}
