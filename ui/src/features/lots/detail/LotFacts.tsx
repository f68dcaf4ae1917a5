import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { LotDetail } from "../../../backend/bindings/LotDetail";
import { Fact, FactGrid } from "../../../components/Fact";
import { formatDateTime } from "../../../format";
import { formatDay, formatQty } from "../dates";
import { ExpiryDate } from "../ExpiryDate";

export function LotFacts({ lot }: { lot: LotDetail }) {
  const { t, i18n } = useTranslation();
  const qty = (n: number) => formatQty(n, lot.unit, i18n.language);
  return (
    <FactGrid>
      <Fact label={t("lots.field.product")} testId="lot-product">
        {lot.product_name ?? lot.sku}
        {lot.product_name && (
          <Text size="xs" c="dimmed">
            {lot.sku}
          </Text>
        )}
      </Fact>
      <Fact label={t("lots.field.gtin")} testId="lot-gtin">
        {lot.gtin}
      </Fact>
      <Fact label={t("lots.field.vendor")} testId="lot-vendor">
        {lot.vendor_name ?? lot.vendor_code}
        {lot.vendor_name && (
          <Text size="xs" c="dimmed">
            {lot.vendor_code}
          </Text>
        )}
      </Fact>
      <Fact label={t("lots.field.supplier_lot")} testId="lot-supplier-lot">
        {lot.supplier_lot}
      </Fact>
      <Fact label={t("lots.field.qty_received")} testId="lot-qty">
        {lot.received_at ? qty(lot.qty) : t("lots.detail.not_received")}
        {lot.received_at && (
          <Text size="xs" c="dimmed">
            {formatDateTime(lot.received_at, i18n.language)}
          </Text>
        )}
      </Fact>
      <Fact label={t("lots.field.on_hand")} testId="lot-on-hand">
        {qty(lot.on_hand)}
      </Fact>
      <Fact label={t("lots.detail.sellable")} testId="lot-sellable">
        {qty(lot.sellable)}
      </Fact>
      <Fact label={t("lots.detail.on_hold")} testId="lot-on-hold-qty">
        {qty(lot.on_hold)}
      </Fact>
      <Fact label={t("lots.detail.b_stock")} testId="lot-b-stock">
        {qty(lot.b_stock)}
        {lot.awaiting_refurbishment > 0 && (
          <Text size="xs" c="dimmed" data-testid="lot-awaiting-refurbishment">
            {t("lots.detail.awaiting_refurbishment")}: {qty(lot.awaiting_refurbishment)}
          </Text>
        )}
      </Fact>
      <Fact label={t("lots.field.location")} testId="lot-location">
        {lot.location}
      </Fact>
      <Fact label={t("lots.field.mfg_date")} testId="lot-mfg-date">
        {formatDay(lot.mfg_date, i18n.language)}
      </Fact>
      <Fact label={t("lots.field.expiry_date")}>
        <ExpiryDate value={lot.expiry_date} testId="lot-expiry" />
      </Fact>
    </FactGrid>
  );
}
