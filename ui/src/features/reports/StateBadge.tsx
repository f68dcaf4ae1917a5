import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { KpiState } from "../../backend/bindings/KpiState";
import { stateColor } from "./units";

export function StateBadge({ state }: { state: KpiState }) {
  const { t } = useTranslation();
  return (
    <Badge color={stateColor(state)} variant={state === "neutral" ? "outline" : "filled"} size="sm">
      {t(`reports.state.${state}`)}
    </Badge>
  );
}
