import { useTranslation } from "react-i18next";
import type { LotDetail } from "../../../backend/bindings/LotDetail";
import { FactGrid } from "../../../components/Fact";
import { FactList, nameAndCode } from "../../../components/FactList";
import { formatDateTime } from "../../../format";
import { formatDay, formatQty } from "../dates";
import { ExpiryDate } from "../ExpiryDate";

export function LotFacts({ lot }: { lot: LotDetail }) {
  const { t, i18n } = useTranslation();
  const qty = (n: number) => formatQty(n, lot.unit, i18n.language);
  return (
    <FactGrid>
      <FactList
        facts={[
          {
            label: t("lots.field.product"),
            testId: "lot-product",
            ...nameAndCode(lot.product_name, lot.sku),
          },
          { label: t("lots.field.gtin"), testId: "lot-gtin", value: lot.gtin },
          {
            label: t("lots.field.vendor"),
            testId: "lot-vendor",
            ...nameAndCode(lot.vendor_name, lot.vendor_code),
          },
          {
            label: t("lots.field.supplier_lot"),
            testId: "lot-supplier-lot",
            value: lot.supplier_lot,
          },
          {
            label: t("lots.field.qty_received"),
            testId: "lot-qty",
            value: lot.received_at ? qty(lot.qty) : t("lots.detail.not_received"),
            note: lot.received_at && formatDateTime(lot.received_at, i18n.language),
          },
          { label: t("lots.field.on_hand"), testId: "lot-on-hand", value: qty(lot.on_hand) },
          { label: t("lots.detail.sellable"), testId: "lot-sellable", value: qty(lot.sellable) },
          { label: t("lots.detail.on_hold"), testId: "lot-on-hold-qty", value: qty(lot.on_hold) },
          {
            label: t("lots.detail.b_stock"),
            testId: "lot-b-stock",
            value: qty(lot.b_stock),
            note:
              lot.awaiting_refurbishment > 0 &&
              `${t("lots.detail.awaiting_refurbishment")}: ${qty(lot.awaiting_refurbishment)}`,
            noteTestId: "lot-awaiting-refurbishment",
          },
          { label: t("lots.field.location"), testId: "lot-location", value: lot.location },
          {
            label: t("lots.field.mfg_date"),
            testId: "lot-mfg-date",
            value: formatDay(lot.mfg_date, i18n.language),
          },
          {
            label: t("lots.field.expiry_date"),
            value: <ExpiryDate value={lot.expiry_date} testId="lot-expiry" />,
          },
        ]}
      />
    </FactGrid>
  );
}
