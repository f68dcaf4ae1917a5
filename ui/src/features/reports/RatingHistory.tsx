import { Box, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { RatingPoint } from "../../backend/bindings/RatingPoint";

/** A vendor's recorded ratings over the last year. */
export function RatingHistory({ history }: { history: RatingPoint[] }) {
  const { t } = useTranslation();
  if (history.length === 0) {
    return (
      <Text size="xs" c="dimmed">
        {t("reports.vendors.no_history")}
      </Text>
    );
  }
  return (
    <Box h={140} data-testid="rating-history">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={history} margin={{ top: 8, right: 8, bottom: 0, left: -20 }}>
          <XAxis dataKey="day" tick={{ fontSize: 10 }} />
          <YAxis domain={[0, 100]} tick={{ fontSize: 10 }} />
          <Tooltip formatter={(value) => [value, t("reports.vendors.rating")]} />
          <Line
            dataKey="rating"
            stroke="var(--mantine-color-teal-6)"
            strokeWidth={2}
            dot={{ r: 2 }}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </Box>
  );
}
