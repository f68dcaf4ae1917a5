import type { OpenRmaInput } from "../../backend/bindings/OpenRmaInput";
import type { SalesChannel } from "../../backend/bindings/SalesChannel";
import { orNull, splitList } from "../../components/forms/typed";
import type { PreferredOutcome } from "./types";

export type PickedLine = { picked: boolean; qty: string; serials: string };

export type OpenFormState = {
  orderNo: string;
  lines: Record<number, PickedLine>;
  reasonCode: string;
  preferredOutcome: PreferredOutcome;
  deliveredOn: string;
  originalPackaging: boolean;
  unused: boolean;
  tagsAttached: boolean;
  photoIds: string[];
  nonCarrierDamage: boolean;
  note: string;
  /** The analyst's pick, for an order that records no channel. */
  channel: SalesChannel | null;
};

export const EMPTY_OPEN_FORM: OpenFormState = {
  orderNo: "",
  lines: {},
  reasonCode: "",
  preferredOutcome: "refund",
  deliveredOn: "",
  originalPackaging: true,
  unused: true,
  tagsAttached: true,
  photoIds: [],
  nonCarrierDamage: false,
  note: "",
  channel: null,
};

export const NO_LINE: PickedLine = { picked: false, qty: "", serials: "" };

/** Ticks or unticks a line; a newly ticked line returns everything ordered unless told less. */
export function pickLine(
  form: OpenFormState,
  lineNo: number,
  picked: boolean,
  orderedQty: number,
): OpenFormState {
  const line = form.lines[lineNo] ?? NO_LINE;
  const qty = picked && line.qty.trim() === "" ? String(orderedQty) : line.qty;
  return { ...form, lines: { ...form.lines, [lineNo]: { ...line, picked, qty } } };
}

/**
 * The open (and check) act's input for the form, or the fields the form itself can tell are
 * wrong (quantities that are not whole numbers), keyed `line.<line_no>.qty`.
 */
export function toOpenInput(
  form: OpenFormState,
): { input: OpenRmaInput } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const orderNo = form.orderNo.trim();
  const lines: OpenRmaInput["lines"] = [];
  for (const [lineNo, line] of Object.entries(form.lines).sort(
    ([a], [b]) => Number(a) - Number(b),
  )) {
    if (!line.picked) continue;
    const text = line.qty.trim();
    if (!/^\d+$/.test(text)) {
      errors[`line.${lineNo}.qty`] = "returns.form.bad_qty";
      continue;
    }
    lines.push({
      order_no: orderNo,
      line_no: Number(lineNo),
      qty: Number(text),
      serials: splitList(line.serials),
    });
  }
  if (Object.keys(errors).length > 0) return { errors };
  return {
    input: {
      lines,
      reason_code: form.reasonCode,
      preferred_outcome: form.preferredOutcome,
      delivered_on: orNull(form.deliveredOn),
      condition: {
        original_packaging: form.originalPackaging,
        unused: form.unused,
        tags_attached: form.tagsAttached,
      },
      photo_ids: form.photoIds,
      non_carrier_damage_seen: form.nonCarrierDamage,
      note: form.note.trim(),
      channel: form.channel,
    },
  };
}

/** Whether the form says enough for the rules to judge it: a line and a reason. */
export function checkable(input: OpenRmaInput): boolean {
  return input.lines.length > 0 && input.reason_code !== "";
}

const DIRECT = new Set([
  "lines",
  "reason_code",
  "preferred_outcome",
  "delivered_on",
  "note",
  "channel",
]);

/**
 * Where a backend field error shows: `lines[i].qty` (or `.line_no`) at the quantity of the line
 * sent as the i-th, `lines[i].serials` at its serials, `lines[i].order_no` at the order number,
 * `photo_ids[i]` at the photos; else at the field of the same name, or null when none shows it.
 */
export function placeField(field: string, sentLineNos: number[]): string | null {
  const line = /^lines\[(\d+)\]\.(\w+)$/.exec(field);
  if (line) {
    const [, index = "", part = ""] = line;
    if (part === "order_no") return "order_no";
    const lineNo = sentLineNos[Number(index)];
    if (lineNo === undefined) return "lines";
    return part === "serials" ? `line.${lineNo}.serials` : `line.${lineNo}.qty`;
  }
  if (field.startsWith("photo_ids")) return "photos";
  return DIRECT.has(field) ? field : null;
}
