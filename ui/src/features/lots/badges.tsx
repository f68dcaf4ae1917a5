import { Badge } from "@mantine/core";
import { IconLock } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { LotStatus } from "../../backend/bindings/LotStatus";
import { cellStatusBadge } from "../../components/StatusBadge";

/** Mantine colour per status; the trace graph colours its nodes the same way. */
export const LOT_STATUS_COLOR: Record<LotStatus, string> = {
  available: "teal",
  on_hold: "red",
  quarantined: "orange",
  released: "blue",
  consumed: "gray",
  shipped: "indigo",
  expired: "dark",
  recalled: "grape",
};

export const LotStatusBadge = cellStatusBadge(LOT_STATUS_COLOR, "lots.status");

/** Holds in force; nothing when there are none, so a clean lot's row stays quiet. */
export function HoldBadge({ count, testId }: { count: number; testId?: string }) {
  const { t } = useTranslation();
  if (count <= 0) return null;
  return (
    <Badge
      color="red"
      variant="outline"
      leftSection={<IconLock size={10} />}
      data-testid={testId}
      data-count={count}
    >
      {t("lots.holds_count", { count })}
    </Badge>
  );
}
