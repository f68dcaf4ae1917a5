import type { TFunction } from "i18next";
import type { TraceCustomer } from "../../../backend/bindings/TraceCustomer";
import type { TraceLot } from "../../../backend/bindings/TraceLot";
import { toCsv } from "../../../files/csv";

/** The traced lots as the table shows them, codes translated, numbers left machine-readable. */
export function traceLotsCsv(lots: TraceLot[], t: TFunction): string {
  return toCsv(
    [
      t("lots.trace.depth"),
      t("lots.field.lot_code"),
      t("lots.trace.via"),
      t("lots.field.qty"),
      t("lots.field.unit"),
      t("lots.trace.kind"),
      t("lots.field.sku"),
      t("lots.field.vendor"),
      t("lots.field.status"),
      t("lots.field.on_hand"),
      t("lots.field.location"),
      t("lots.field.expiry_date"),
    ],
    lots.map((l) => [
      l.depth,
      l.lot_code,
      l.via,
      l.qty,
      l.unit,
      l.kind ? t(`lots.link_kind.${l.kind}`) : "",
      l.sku,
      l.vendor_code,
      t(`lots.status.${l.status}`),
      l.on_hand,
      l.location,
      l.expiry_date,
    ]),
  );
}

/** The customers to contact about a trace or recall. */
export function customersCsv(customers: TraceCustomer[], t: TFunction): string {
  return toCsv(
    [
      t("lots.customer.code"),
      t("lots.customer.name"),
      t("lots.customer.email"),
      t("lots.customer.phone"),
      t("lots.customer.orders"),
      t("lots.customer.qty"),
    ],
    customers.map((c) => [c.customer_code, c.name, c.email, c.phone, c.orders, c.qty]),
  );
}
