import { Anchor, Table } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { LotShipmentView } from "../../../backend/bindings/LotShipmentView";
import { NameWithCode } from "../../../components/Aside";
import { HeadedTable } from "../../../components/HeadedTable";
import { Section } from "../../../components/Section";
import { headings } from "../../../components/TableHead";
import { formatDateTime } from "../../../format";
import { formatQty } from "../dates";

export function LotShipments({ shipments, unit }: { shipments: LotShipmentView[]; unit: string }) {
  const { t, i18n } = useTranslation();
  return (
    <Section
      title={t("lots.detail.shipments")}
      empty={t("lots.detail.no_shipments")}
      isEmpty={shipments.length === 0}
      testId="lot-shipments"
    >
      <HeadedTable
        columns={headings(t, [
          "lots.order.order_no",
          "lots.customer.name",
          { right: "lots.field.qty" },
          "lots.detail.shipped_at",
        ])}
        items={shipments}
        row={(s) => (
          <Table.Tr key={`${s.order_no}/${s.shipped_at}`} data-testid="lot-shipment">
            <Table.Td>
              <Anchor size="sm" href={`#/orders?text=${encodeURIComponent(s.order_no)}`}>
                {s.order_no}
              </Anchor>
            </Table.Td>
            <Table.Td>
              <NameWithCode name={s.customer_name} code={s.customer_code} />
            </Table.Td>
            <Table.Td ta="right">{formatQty(s.qty, unit, i18n.language)}</Table.Td>
            <Table.Td>{formatDateTime(s.shipped_at, i18n.language)}</Table.Td>
          </Table.Tr>
        )}
      />
    </Section>
  );
}
