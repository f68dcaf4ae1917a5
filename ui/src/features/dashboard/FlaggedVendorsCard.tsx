import { Badge, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { VendorScorecardView } from "../../backend/bindings/VendorScorecardView";
import { Aside } from "../../components/Aside";
import type { Period } from "../reports/period";
import { usePeriodReport } from "../reports/usePeriodReport";
import { VendorBlockedBadge } from "../reports/VendorBlockedBadge";
import { CardTable } from "./CardTable";
import { DashboardCard } from "./DashboardCard";
import { VENDOR_DAYS } from "./periods";

/**
 * Vendors rated below the scorecard threshold, and those whose receipts are still blocked by an
 * earlier rating: the ones to call about corrective action.
 */
export function FlaggedVendorsCard({ period }: { period: Period }) {
  const { t } = useTranslation();
  const cards = usePeriodReport("vendor_scorecards", period);
  return (
    <DashboardCard
      title={t("dashboard.vendors.title")}
      note={t("dashboard.vendors.note", { days: VENDOR_DAYS })}
      report={{ tab: "vendors", period, testId: "dashboard-vendors-report" }}
      query={cards}
      testId="dashboard-flagged-vendors"
    >
      {(data) => {
        const flagged = data.vendors.filter((v) => v.flagged || v.receipts_blocked_since !== null);
        if (flagged.length === 0) {
          return (
            <Text c="teal.7" size="sm" data-testid="dashboard-vendors-empty">
              {t("dashboard.vendors.empty", { threshold: data.settings.flag_below })}
            </Text>
          );
        }
        return (
          <CardTable
            columns={["dashboard.col.vendor", { right: "dashboard.vendors.rating" }]}
            items={flagged}
            row={(v) => (
              <FlaggedVendorRow
                key={v.vendor_code}
                vendor={v}
                flagBelow={data.settings.flag_below}
              />
            )}
          />
        );
      }}
    </DashboardCard>
  );
}

/** A vendor to call: its rating against the threshold, and whether its receipts are blocked. */
function FlaggedVendorRow({
  vendor,
  flagBelow,
}: {
  vendor: VendorScorecardView;
  flagBelow: number;
}) {
  const { t } = useTranslation();
  return (
    <Table.Tr data-testid="dashboard-vendor-row" data-vendor={vendor.vendor_code}>
      <Table.Td>
        <Text span size="sm" fw={600}>
          {vendor.vendor_code}
        </Text>
        <Aside>{vendor.vendor_name}</Aside>
        {vendor.receipts_blocked_since && (
          <div>
            <VendorBlockedBadge vendor={vendor.vendor_code} since={vendor.receipts_blocked_since} />
          </div>
        )}
      </Table.Td>
      <Table.Td ta="right">
        <Badge
          color={vendor.flagged ? "red" : "gray"}
          variant="light"
          tt="none"
          data-testid="dashboard-rating"
        >
          {t("dashboard.vendors.rating_of", {
            rating: vendor.rating === null ? "—" : Math.round(vendor.rating),
            threshold: flagBelow,
          })}
        </Badge>
      </Table.Td>
    </Table.Tr>
  );
}
