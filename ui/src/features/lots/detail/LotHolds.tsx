import { Badge, Group, Table, Text } from "@mantine/core";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { HoldView } from "../../../backend/bindings/HoldView";
import { HeadedTable } from "../../../components/HeadedTable";
import { Section } from "../../../components/Section";
import { headings } from "../../../components/TableHead";
import { HoldOriginCells } from "../HoldCells";

/** A hold in words: why, and what placed it (a QC failure or a recall) when anything did. */
export function holdLabel(t: TFunction, h: HoldView): string {
  const reason = t(`holds.reasons.${h.reason}`, { defaultValue: h.reason });
  const source = h.failure_no ?? h.recall_no;
  return source ? `${reason} · ${source}` : reason;
}

/**
 * Holds in force on this lot, each with what it covers: the whole lot (nothing of it ships or goes
 * into another lot) or only the serials a per-serial inspection failed (the rest ships).
 */
export function LotHolds({ holds }: { holds: HoldView[] }) {
  const { t } = useTranslation();
  if (holds.length === 0) return null;
  return (
    <Section title={t("lots.detail.holds")} testId="lot-holds">
      <HeadedTable
        columns={headings(t, [
          "holds.reason",
          "lots.detail.covers",
          "holds.source",
          "holds.placed_at",
          "holds.placed_by",
        ])}
        items={holds}
        row={(h, i) => (
          <Table.Tr key={h.hold_ref ?? `hold-${i}`} data-testid="lot-hold-row">
            <Table.Td>
              <Group gap="xs" wrap="nowrap">
                <Text size="sm" c="red" fw={600}>
                  {t(`holds.reasons.${h.reason}`, { defaultValue: h.reason })}
                </Text>
                {h.quarantine && (
                  <Badge color="grape" variant="light" data-testid="lot-hold-quarantine-badge">
                    {t("lots.status.quarantined")}
                  </Badge>
                )}
              </Group>
            </Table.Td>
            <Table.Td data-testid="lot-hold-covers">
              {h.serials.length === 0 ? (
                t("lots.detail.whole_lot")
              ) : (
                <Text size="sm" ff="monospace">
                  {t("lots.detail.serials_held", { serials: h.serials.join(", ") })}
                </Text>
              )}
            </Table.Td>
            <HoldOriginCells hold={h} />
          </Table.Tr>
        )}
      />
    </Section>
  );
}
