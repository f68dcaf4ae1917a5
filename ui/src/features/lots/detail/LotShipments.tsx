import { Anchor, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { LotShipmentView } from "../../../backend/bindings/LotShipmentView";
import { HeadedTable } from "../../../components/HeadedTable";
import { formatDateTime } from "../../../format";
import { formatQty } from "../dates";
import { Section } from "./Section";

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
        columns={[
          t("lots.order.order_no"),
          t("lots.customer.name"),
          { label: t("lots.field.qty"), right: true },
          t("lots.detail.shipped_at"),
        ]}
        items={shipments}
        row={(s) => (
          <Table.Tr key={`${s.order_no}/${s.shipped_at}`} data-testid="lot-shipment">
            <Table.Td>
              <Anchor size="sm" href={`#/orders?text=${encodeURIComponent(s.order_no)}`}>
                {s.order_no}
              </Anchor>
            </Table.Td>
            <Table.Td>
              {s.customer_name ?? s.customer_code}
              {s.customer_name && (
                <Text span size="xs" c="dimmed">
                  {" "}
                  {s.customer_code}
                </Text>
              )}
            </Table.Td>
            <Table.Td ta="right">{formatQty(s.qty, unit, i18n.language)}</Table.Td>
            <Table.Td>{formatDateTime(s.shipped_at, i18n.language)}</Table.Td>
          </Table.Tr>
        )}
      />
    </Section>
  );
}
