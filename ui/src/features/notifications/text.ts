import type { TFunction } from "i18next";
import type { Notification } from "../../backend/bindings/Notification";
import { formatDateTimeShort, formatDay } from "../../format";
import { formatMoney } from "../../money";

/** The notification's title and sentence in the reader's language, amounts and dates theirs too. */
export function notificationText(
  t: TFunction,
  n: Notification,
  language: string,
): { title: string; body: string } {
  const p = n.params;
  const amount =
    p.total_minor && p.currency ? formatMoney(Number(p.total_minor), p.currency, language) : "";
  const day = (value: string | undefined) => (value ? formatDay(value, language) : "");
  return {
    title: t(`notifications.kind.${n.kind}.title`),
    body: t(`notifications.kind.${n.kind}.body`, {
      record: n.record_no,
      amount,
      order_no: p.order_no ?? "",
      customer_code: p.customer_code ?? "",
      sku: p.sku ?? "",
      reason: p.reason ?? "",
      vendor_code: p.vendor_code ?? "",
      due_on: day(p.due_on),
      expiry_date: day(p.expiry_date),
      qty: p.qty ?? "",
      unit: p.unit ?? "",
      failure_no: p.failure_no ?? "",
      output_lot_code: p.output_lot_code ?? "",
    }),
  };
}

/** When it began to ask for attention: a date alone for overdue answers and expiries. */
export function notificationTime(n: Notification, language: string): string {
  return n.at.length === 10 ? formatDay(n.at, language) : formatDateTimeShort(n.at, language);
}
