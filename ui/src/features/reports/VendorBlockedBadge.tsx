import { Badge } from "@mantine/core";
import { IconLock } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { formatDay } from "../lots/dates";

/**
 * The block actually in force (from the recorded rating), not the period's flag: a vendor can be
 * blocked while this period rates it above the threshold, until someone records a review.
 */
export function VendorBlockedBadge({ vendor, since }: { vendor: string; since: string }) {
  const { t, i18n } = useTranslation();
  return (
    <Badge
      color="red"
      variant="filled"
      size="sm"
      tt="none"
      leftSection={<IconLock size={10} />}
      data-testid="vendor-blocked"
      data-vendor={vendor}
    >
      {t("reports.vendors.blocked_since", { date: formatDay(since, i18n.language) })}
    </Badge>
  );
}
