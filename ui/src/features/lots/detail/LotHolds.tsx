import { Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { HoldView } from "../../../backend/bindings/HoldView";
import { formatDateTime } from "../../../format";
import { FailureLink } from "../links";
import { Section } from "./Section";

/** Holds in force on this lot; a hold keeps it from shipping or going into another lot. */
export function LotHolds({ holds }: { holds: HoldView[] }) {
  const { t, i18n } = useTranslation();
  if (holds.length === 0) return null;
  return (
    <Section title={t("lots.detail.holds")} testId="lot-holds">
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("holds.reason")}</Table.Th>
            <Table.Th>{t("failure.field.failure_no")}</Table.Th>
            <Table.Th>{t("holds.placed_at")}</Table.Th>
            <Table.Th>{t("holds.placed_by")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {holds.map((h) => (
            <Table.Tr
              key={`${h.reason}/${h.failure_no ?? ""}/${h.placed_at}`}
              data-testid="lot-hold-row"
            >
              <Table.Td>
                <Text size="sm" c="red" fw={600}>
                  {t(`holds.reasons.${h.reason}`, { defaultValue: h.reason })}
                </Text>
              </Table.Td>
              <Table.Td>{h.failure_no && <FailureLink no={h.failure_no} />}</Table.Td>
              <Table.Td>{formatDateTime(h.placed_at, i18n.language)}</Table.Td>
              <Table.Td>{h.placed_by}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Section>
  );
}
