/**
 * What a scanner typed, as the backend needs it to read the scan: only the surrounding blanks
 * and the Enter or Tab the scanner ends with are dropped. The AIM prefix (]C1, ]d2, ]Q3) and the
 * GS separators inside GS1 data are kept: a GS ends a lot, so `10LOT<GS>21SN` is lot LOT and
 * serial SN, not lot LOT21SN. Reading the scan is the backend's (crates/domain/src/gs1).
 */
export function cleanScan(text: string): string {
  return text.trim();
}

/** Where a search hit is shown in the app: the record itself, or its list filtered to it. */
export function hitPath(
  kind: string,
  key: string,
): { to: string; search?: Record<string, string> } {
  const record = (list: string) => ({ to: `/${list}/${encodeURIComponent(key)}` });
  switch (kind) {
    case "failure":
      return record("failures");
    case "lot":
      return record("lots");
    case "rma":
      return record("returns");
    case "reshipment":
      return record("reshipments");
    case "recall":
      return record("recalls");
    case "scar":
      return record("scars");
    case "work_order":
      return record("work-orders");
    case "complaint":
      return record("complaints");
    case "product":
      return { to: "/products", search: { sku: key, text: key } };
    case "order":
      return { to: "/orders", search: { text: key } };
    case "vendor":
      return { to: "/vendors", search: { text: key } };
    default:
      return { to: "/customers", search: { text: key } };
  }
}
