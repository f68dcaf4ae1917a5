import { Tooltip } from "@mantine/core";
import { IconArrowDownRight, IconArrowRight, IconArrowUpRight } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { ReviewTrend } from "../../backend/bindings/ReviewTrend";

/** Which way a figure moved; whether that is good is the state badge's to say. */
export function TrendIcon({ trend }: { trend: ReviewTrend | null }) {
  const { t } = useTranslation();
  if (trend === null) return <span>—</span>;
  const Icon =
    trend === "up" ? IconArrowUpRight : trend === "down" ? IconArrowDownRight : IconArrowRight;
  return (
    <Tooltip label={t(`reports.trend.${trend}`)}>
      <Icon size={16} aria-label={t(`reports.trend.${trend}`)} data-trend={trend} />
    </Tooltip>
  );
}
