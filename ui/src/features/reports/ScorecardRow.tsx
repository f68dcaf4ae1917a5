import { ActionIcon, Badge, Collapse, Group, SimpleGrid, Table, Text } from "@mantine/core";
import { IconChevronDown, IconChevronRight, IconLock } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { VendorScorecardView } from "../../backend/bindings/VendorScorecardView";
import type { Period } from "./period";
import { RatingHistory } from "./RatingHistory";
import { ScoreComponents } from "./ScoreComponents";
import { TrendIcon } from "./TrendIcon";
import { ratingColor } from "./units";
import { VendorReportButton } from "./VendorReportButton";

const COLUMNS = 6;

/** A vendor's rating, trend and flag; expands to its sub-scores and rating history. */
export function ScorecardRow({
  vendor,
  flagBelow,
  period,
}: {
  vendor: VendorScorecardView;
  flagBelow: number;
  period: Period;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const rating = vendor.rating === null ? null : Math.round(vendor.rating);
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
          {vendor.vendor_name && (
            <Text span c="dimmed" size="xs">
              {" "}
              {vendor.vendor_name}
            </Text>
          )}
        </Table.Td>
        <Table.Td ta="right">
          <Badge
            color={ratingColor(rating, flagBelow)}
            variant="filled"
            size="lg"
            miw={48}
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
            {vendor.block_receipts && (
              <Badge color="red" variant="outline" size="sm" leftSection={<IconLock size={10} />}>
                {t("reports.vendors.receipts_blocked")}
              </Badge>
            )}
            {rating === null && (
              <Badge color="gray" variant="outline" size="sm">
                {t("reports.vendors.unrated")}
              </Badge>
            )}
          </Group>
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
