import { Box, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { ParetoBarReview } from "../../backend/bindings/ParetoBarReview";
import { failuresSearch } from "./links";
import type { ParetoView } from "./pareto";
import { useCategoryNames } from "./useCategoryNames";

type Datum = {
  label: string;
  value: number;
  cumulative: number;
  bar: ParetoBarReview;
  /** Opens the failures behind the bar; null for a bar no single filter can show. */
  open: (() => void) | null;
};
type ShapeProps = { x?: number; y?: number; width?: number; height?: number; payload?: Datum };

/** A bar that acts as a button: it opens the failures behind it. */
function BarShape({ x = 0, y = 0, width = 0, height = 0, payload }: ShapeProps) {
  if (!payload) return <g />;
  const { bar, open } = payload;
  return (
    // biome-ignore lint/a11y/useSemanticElements: an SVG bar cannot be a <button>; it acts as one.
    <rect
      x={x}
      y={y}
      width={width}
      height={Math.max(height, 1)}
      rx={3}
      fill={bar.is_other ? "var(--mantine-color-gray-5)" : "var(--mantine-color-teal-6)"}
      style={{ cursor: open ? "pointer" : "default" }}
      role="button"
      tabIndex={open ? 0 : -1}
      aria-label={`${payload.label}: ${payload.value}`}
      aria-disabled={!open}
      data-testid="pareto-bar"
      data-category={bar.is_other ? "other" : bar.category}
      onClick={() => open?.()}
      onKeyDown={(e) => {
        if (e.key === "Enter" || e.key === " ") open?.();
      }}
    />
  );
}

/** The failure Pareto: bars by category, the cumulative share as a line; a bar opens its failures. */
export function ParetoChart({ pareto, onOpen }: ParetoView) {
  const { t } = useTranslation();
  const nameOf = useCategoryNames();
  if (pareto.bars.length === 0) {
    return (
      <Text c="dimmed" size="sm" data-testid="pareto-empty">
        {t("reports.pareto.empty")}
      </Text>
    );
  }
  const data: Datum[] = pareto.bars.map((bar) => ({
    label: bar.is_other ? t("reports.pareto.other", { n: bar.categories }) : nameOf(bar.category),
    value: pareto.measure === "count" ? bar.count : bar.quantity,
    cumulative: bar.cumulative_bps / 100,
    bar,
    open: failuresSearch(bar.filter) === null ? null : () => onOpen(bar),
  }));
  const measure = t(`reports.pareto.measure.${pareto.measure}`);
  return (
    <Box h={300} data-testid="pareto-chart">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" interval={0} tick={{ fontSize: 11 }} />
          <YAxis yAxisId="value" allowDecimals={false} tick={{ fontSize: 11 }} />
          <YAxis
            yAxisId="share"
            orientation="right"
            domain={[0, 100]}
            unit="%"
            tick={{ fontSize: 11 }}
          />
          <Tooltip
            formatter={(value, name) =>
              name === "cumulative"
                ? [`${value}%`, t("reports.pareto.cumulative")]
                : [value, measure]
            }
          />
          <Bar
            yAxisId="value"
            dataKey="value"
            name="value"
            shape={BarShape}
            isAnimationActive={false}
          />
          <Line
            yAxisId="share"
            dataKey="cumulative"
            name="cumulative"
            type="monotone"
            stroke="var(--mantine-color-orange-6)"
            strokeWidth={2}
            dot={{ r: 3 }}
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </Box>
  );
}
