import { ActionIcon, Badge, Button, Collapse, Group, SimpleGrid, Table, Text } from "@mantine/core";
import { IconChevronDown, IconChevronRight, IconClipboardCheck } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { VendorScorecardView } from "../../backend/bindings/VendorScorecardView";
import { Aside } from "../../components/Aside";
import { formatDay } from "../lots/dates";
import type { Period } from "./period";
import { RatingHistory } from "./RatingHistory";
import { ScoreComponents } from "./ScoreComponents";
import { TrendIcon } from "./TrendIcon";
import { ratingColor } from "./units";
import { VendorBlockedBadge } from "./VendorBlockedBadge";
import { VendorReportButton } from "./VendorReportButton";
import { VendorReviewModal } from "./VendorReviewModal";

const COLUMNS = 6;

/**
 * A vendor's rating, trend, flag and receipt block; expands to its sub-scores and rating history.
 * Admins (`canReview`) record the review of a flagged or blocked vendor here.
 */
export function ScorecardRow({
  vendor,
  flagBelow,
  period,
  canReview,
}: {
  vendor: VendorScorecardView;
  flagBelow: number;
  period: Period;
  canReview: boolean;
}) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const [reviewing, setReviewing] = useState(false);
  const rating = vendor.rating === null ? null : Math.round(vendor.rating);
  // Blocked by an earlier recorded rating even if this period's is above the threshold.
  const reviewable = vendor.flagged || vendor.receipts_blocked_since !== null;
  return (
    <>
      <Table.Tr data-testid="vendor-score-row" data-vendor={vendor.vendor_code}>
        <Table.Td w={36}>
          <ActionIcon
            variant="subtle"
            size="sm"
            onClick={() => setOpen((o) => !o)}
            aria-expanded={open}
            aria-label={t("reports.vendors.details")}
            data-testid="vendor-score-expand"
          >
            {open ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
          </ActionIcon>
        </Table.Td>
        <Table.Td>
          <Text size="sm" fw={600} span>
            {vendor.vendor_code}
          </Text>
          <Aside>{vendor.vendor_name}</Aside>
        </Table.Td>
        <Table.Td ta="right">
          <Badge
            color={ratingColor(rating, flagBelow)}
            variant="filled"
            size="lg"
            miw={60}
            data-testid="vendor-rating"
          >
            {rating ?? "—"}
          </Badge>
        </Table.Td>
        <Table.Td ta="center">
          <TrendIcon trend={vendor.trend} />
        </Table.Td>
        <Table.Td>
          <Group gap={4}>
            {vendor.flagged && (
              <Badge color="red" variant="light" size="sm" data-testid="vendor-flagged">
                {t("reports.vendors.flagged")}
              </Badge>
            )}
            {vendor.receipts_blocked_since && (
              <VendorBlockedBadge
                vendor={vendor.vendor_code}
                since={vendor.receipts_blocked_since}
              />
            )}
            {rating === null && (
              <Badge color="gray" variant="outline" size="sm">
                {t("reports.vendors.unrated")}
              </Badge>
            )}
            {canReview && reviewable && (
              <Button
                variant="light"
                size="compact-xs"
                leftSection={<IconClipboardCheck size={12} />}
                onClick={() => setReviewing(true)}
                data-testid="vendor-review"
                data-vendor={vendor.vendor_code}
              >
                {t("reports.vendors.record_review")}
              </Button>
            )}
          </Group>
          {vendor.overdue_scars > 0 && (
            <Text c="red.7" size="xs" mt={2} fw={600} data-testid="vendor-overdue-scars">
              {t("scars.scorecard_overdue", { count: vendor.overdue_scars })}
            </Text>
          )}
          {vendor.complaints > 0 && (
            <Text c="orange.8" size="xs" mt={2} data-testid="vendor-complaints">
              {t("complaints.scorecard", { count: vendor.complaints })}
            </Text>
          )}
          {vendor.last_reviewed && (
            <Text c="dimmed" size="xs" mt={2} data-testid="vendor-last-reviewed">
              {t("reports.vendors.last_reviewed", {
                date: formatDay(vendor.last_reviewed, i18n.language),
              })}
            </Text>
          )}
          {reviewing && <VendorReviewModal vendor={vendor} onClose={() => setReviewing(false)} />}
        </Table.Td>
        <Table.Td>
          <VendorReportButton vendor={vendor.vendor_code} period={period} />
        </Table.Td>
      </Table.Tr>
      <Table.Tr style={open ? undefined : { display: "none" }}>
        <Table.Td colSpan={COLUMNS} p={0}>
          <Collapse in={open}>
            <SimpleGrid cols={{ base: 1, md: 2 }} p="sm">
              <ScoreComponents components={vendor.components} />
              <RatingHistory history={vendor.history} />
            </SimpleGrid>
          </Collapse>
        </Table.Td>
      </Table.Tr>
    </>
  );
}
