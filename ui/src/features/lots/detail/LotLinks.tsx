import { Table } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { LotLinkView } from "../../../backend/bindings/LotLinkView";
import { HeadedTable } from "../../../components/HeadedTable";
import { LotLink } from "../../../components/RecordLink";
import { Section } from "../../../components/Section";
import { headings } from "../../../components/TableHead";
import { formatDateTime } from "../../../format";
import { formatQty } from "../dates";

/** The lots this one was made from (its inputs), or the lots made from it (its outputs). */
export function LotLinks({ links, side }: { links: LotLinkView[]; side: "inputs" | "outputs" }) {
  const { t, i18n } = useTranslation();
  const testId = `lot-${side}`;
  return (
    <Section
      title={t(`lots.detail.${side}`)}
      empty={t(`lots.detail.no_${side}`)}
      isEmpty={links.length === 0}
      testId={testId}
    >
      <HeadedTable
        columns={headings(t, [
          "lots.field.lot_code",
          "lots.field.sku",
          { right: "lots.field.qty" },
          "lots.trace.kind",
          "lots.detail.linked_at",
        ])}
        items={links}
        row={(l) => (
          <Table.Tr key={`${l.lot_code}/${l.at}`} data-testid={`${testId}-row`}>
            <Table.Td>
              <LotLink no={l.lot_code} />
            </Table.Td>
            <Table.Td>{l.sku}</Table.Td>
            <Table.Td ta="right">{formatQty(l.qty, l.unit, i18n.language)}</Table.Td>
            <Table.Td>{t(`lots.link_kind.${l.kind}`, { defaultValue: l.kind })}</Table.Td>
            <Table.Td>{formatDateTime(l.at, i18n.language)}</Table.Td>
          </Table.Tr>
        )}
      />
    </Section>
  );
}
