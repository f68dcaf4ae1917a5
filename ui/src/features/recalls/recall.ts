import type { RecallCustomer } from "../../backend/bindings/RecallCustomer";
import type { RecallRow } from "../../backend/bindings/RecallRow";
import type { RecallStatus } from "../../backend/bindings/RecallStatus";

export const RECALL_STATUS_COLOR: Record<RecallStatus, string> = {
  open: "red",
  closed: "gray",
};

/** Customers of the recall still to be told, in the order the backend listed them. */
export function toNotify(customers: RecallCustomer[]): RecallCustomer[] {
  return customers.filter((c) => c.notified_at === null);
}

/** Share of the customers told, 0–100 (a recall with no customers has nobody left to tell). */
export function notifiedPercent(row: Pick<RecallRow, "customer_count" | "notified_count">): number {
  if (row.customer_count <= 0) return 100;
  return Math.round((Math.min(row.notified_count, row.customer_count) / row.customer_count) * 100);
}

/** Open recalls first, the newest of each first. */
export function sortRecalls<R extends Pick<RecallRow, "status" | "started_at">>(rows: R[]): R[] {
  return [...rows].sort((a, b) => {
    if (a.status !== b.status) return a.status === "open" ? -1 : 1;
    return b.started_at.localeCompare(a.started_at);
  });
}

/** A customer's address on one line, as the table shows it. */
export function oneLine(address: string | null): string {
  if (!address) return "";
  return address
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .join(", ");
}
