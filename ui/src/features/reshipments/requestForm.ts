import type { Carrier } from "../../backend/bindings/Carrier";
import type { RequestReshipmentInput } from "../../backend/bindings/RequestReshipmentInput";
import { orNull, splitList } from "../../components/forms/typed";
import { parseMoney } from "../../money";

export type LineState = { qty: string; lot: string; serials: string };

/** The two costs of a reshipment, typed alike: shipping and goods. */
export const COSTS = ["shipping", "goods"] as const;
export type Cost = (typeof COSTS)[number];

export type RequestFormState = {
  failureNos: string;
  /** The return this replacement exchanges, when it is one. */
  rmaNo: string;
  orderNo: string;
  lines: Record<number, LineState>;
  carrier: Carrier;
  service: string;
  shipping: string;
  goods: string;
  currency: string;
  payer: "us" | "vendor";
  vendorCode: string;
  reason: string;
  dueOn: string;
  otherAddress: boolean;
  shipName: string;
  shipAddress: string;
  shipCountry: string;
  shipReason: string;
};

export function emptyForm(failureNos: string, currency: string, rmaNo = ""): RequestFormState {
  return {
    failureNos,
    rmaNo,
    orderNo: "",
    lines: {},
    carrier: "dhl",
    service: "",
    shipping: "",
    goods: "",
    currency,
    payer: "us",
    vendorCode: "",
    reason: "",
    dueOn: "",
    otherAddress: false,
    shipName: "",
    shipAddress: "",
    shipCountry: "",
    shipReason: "",
  };
}

/**
 * The request act's input for the form, or the fields the form itself can tell are wrong
 * (money that does not parse, quantities that are not whole numbers), keyed like the backend.
 */
export function toRequestInput(
  form: RequestFormState,
): { input: RequestReshipmentInput } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  // Money message keys take `moneyParams(form.currency)` where they are shown.
  const amount = (field: string, text: string): number | null => {
    if (text.trim() === "") return 0;
    const parsed = parseMoney(text, form.currency);
    if (parsed.ok) return parsed.minor;
    errors[field] = parsed.problem;
    return null;
  };
  const shipping = amount("cost.shipping_minor", form.shipping);
  const goods = amount("cost.goods_minor", form.goods);
  const items: RequestReshipmentInput["items"] = [];
  for (const [lineNo, line] of Object.entries(form.lines).sort(
    ([a], [b]) => Number(a) - Number(b),
  )) {
    const text = line.qty.trim();
    if (text === "" || text === "0") continue;
    const qty = /^\d+$/.test(text) ? Number(text) : null;
    if (qty === null) {
      errors[`line.${lineNo}`] = "reshipment.form.bad_qty";
      continue;
    }
    items.push({
      line_no: Number(lineNo),
      qty,
      lot_code: orNull(line.lot),
      serials: splitList(line.serials),
    });
  }
  if (Object.keys(errors).length > 0) return { errors };
  return {
    input: {
      failure_nos: splitList(form.failureNos),
      order_no: form.orderNo.trim(),
      items,
      ship_to: form.otherAddress
        ? {
            name: form.shipName.trim(),
            address: form.shipAddress.trim(),
            country: form.shipCountry.trim(),
          }
        : null,
      ship_to_reason: form.otherAddress ? orNull(form.shipReason) : null,
      carrier: form.carrier,
      service: form.service.trim(),
      cost: {
        shipping_minor: shipping ?? 0,
        shipping_currency: form.currency,
        goods_minor: goods ?? 0,
        goods_currency: form.currency,
      },
      payer: form.payer,
      vendor_code: form.payer === "vendor" ? orNull(form.vendorCode) : null,
      reason: form.reason.trim(),
      due_on: orNull(form.dueOn),
      rma_no: orNull(form.rmaNo),
    },
  };
}

const DIRECT = new Set([
  "failure_nos",
  "rma_no",
  "order_no",
  "items",
  "carrier",
  "service",
  "payer",
  "vendor_code",
  "reason",
  "due_on",
  "ship_to_reason",
]);

/**
 * Where a backend field error shows: `items.<i>.…` at the line sent as the i-th item,
 * money and currency at the cost inputs, ship-to parts at the address inputs; else null.
 */
export function placeField(field: string, sentLineNos: number[]): string | null {
  const item = /^items\.(\d+)(?:\.|$)/.exec(field);
  if (item) {
    const lineNo = sentLineNos[Number(item[1])];
    return lineNo === undefined ? "items" : `line.${lineNo}`;
  }
  if (field.startsWith("cost.shipping")) return "cost.shipping_minor";
  if (field.startsWith("cost.goods_minor")) return "cost.goods_minor";
  if (field.endsWith("currency")) return "currency";
  if (field === "cost" || field === "total") return "cost.goods_minor";
  if (field.startsWith("ship_to.")) return field;
  if (field === "ship_to") return "ship_to.address";
  return DIRECT.has(field) ? field : null;
}
