/**
 * What a scanner typed, as the backend needs it to read the scan: only the surrounding blanks
 * and the Enter or Tab the scanner ends with are dropped. The AIM prefix (]C1, ]d2, ]Q3) and the
 * GS separators inside GS1 data are kept: a GS ends a lot, so `10LOT<GS>21SN` is lot LOT and
 * serial SN, not lot LOT21SN. Reading the scan is the backend's (crates/domain/src/gs1).
 */
export function cleanScan(text: string): string {
  return text.trim();
}

/** The lists whose records have their own page, by the kind of search hit. */
const RECORD_LISTS = new Map([
  ["failure", "failures"],
  ["lot", "lots"],
  ["rma", "returns"],
  ["reshipment", "reshipments"],
  ["recall", "recalls"],
  ["scar", "scars"],
  ["work_order", "work-orders"],
  ["complaint", "complaints"],
]);

/** The master data lists a hit opens filtered to its key, by the kind of search hit. */
const FILTERED_LISTS = new Map([
  ["order", "orders"],
  ["vendor", "vendors"],
]);

/** Where a search hit is shown in the app: the record itself, or its list filtered to it. */
export function hitPath(
  kind: string,
  key: string,
): { to: string; search?: Record<string, string> } {
  const list = RECORD_LISTS.get(kind);
  if (list) return { to: `/${list}/${encodeURIComponent(key)}` };
  if (kind === "product") return { to: "/products", search: { sku: key, text: key } };
  return { to: `/${FILTERED_LISTS.get(kind) ?? "customers"}`, search: { text: key } };
}
