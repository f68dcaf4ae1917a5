/** Where a conflict's subject lives in the app, so the inbox can open the record it is about. */
export type SubjectLink = {
  to: string;
  params?: Record<string, string>;
  search?: { text: string };
};

const MASTER_LISTS: Record<string, string> = {
  product: "/products",
  vendor: "/vendors",
  customer: "/customers",
  order: "/orders",
  safety_stock: "/products",
  bom: "/products",
  defect_category: "/settings/categories",
};

export function subjectLink(kind: string, subject: string): SubjectLink | null {
  switch (kind) {
    case "stock_below_zero":
    case "shipped_while_held":
    case "lot_received_twice":
      return { to: "/lots/$lotCode", params: { lotCode: subject } };
    case "serial_recorded_twice": {
      // `SKU/serial`: the product is the record; the serial is searched for within it.
      const [sku] = subject.split("/");
      return { to: "/products", search: { text: sku ?? subject } };
    }
    case "recall_scope_grew":
      return { to: "/recalls/$recallNo", params: { recallNo: subject } };
    case "dispositions_over_assigned":
      return { to: "/failures/$failureNo", params: { failureNo: subject } };
    case "master_overwritten": {
      // The record's stream, e.g. `vendor/NLPK`; settings and policies have pages of their own.
      const [stream, ...rest] = subject.split("/");
      const key = rest.join("/");
      if (subject === "settings/approval_policy") return { to: "/settings/approval-limits" };
      if (subject === "settings/return_policy") return { to: "/settings/returns-policy" };
      const list = MASTER_LISTS[stream ?? ""];
      return list ? { to: list, search: { text: key } } : null;
    }
    default:
      return null;
  }
}

/** A refused act that a person can simply do again: the form it came from. */
export function redoLink(kind: string): string | null {
  if (kind === "rma_opened") return "/returns/new";
  if (kind === "reshipment_requested") return "/reshipments/new";
  return null;
}
