import type { ComplaintStatus } from "../../backend/bindings/ComplaintStatus";
import type { DefectCategory } from "../../backend/bindings/DefectCategory";
import type { WorkOrderStatus } from "../../backend/bindings/WorkOrderStatus";

export const WORK_ORDER_STATUSES: WorkOrderStatus[] = [
  "planned",
  "in_progress",
  "blocked",
  "completed",
];

export const WORK_ORDER_COLOR: Record<WorkOrderStatus, string> = {
  planned: "gray",
  in_progress: "blue",
  blocked: "red",
  completed: "green",
};

export const COMPLAINT_STATUSES: ComplaintStatus[] = ["open", "investigating", "closed"];

export const COMPLAINT_COLOR: Record<ComplaintStatus, string> = {
  open: "orange",
  investigating: "blue",
  closed: "green",
};

/**
 * What the person may do here, read from the permissions the backend granted their session
 * (`session.permissions`), so no copy of which role may do what lives in the UI.
 */
export function mayRunWorkOrders(permissions: readonly string[]): boolean {
  return permissions.includes("record_lots");
}

/** Lifting a block is the quality lead's call (`release_holds`). */
export function mayDecideBlocks(permissions: readonly string[]): boolean {
  return permissions.includes("release_holds");
}

export function mayLogFailures(permissions: readonly string[]): boolean {
  return permissions.includes("log_failure");
}

export function mayRecordComplaints(permissions: readonly string[]): boolean {
  return permissions.includes("record_complaints");
}

/** A defect category in the UI language. */
export function categoryName(category: DefectCategory, language: string): string {
  if (language.startsWith("zh")) return category.name_zh || category.name_en;
  if (language === "nl") return category.name_nl || category.name_en;
  return category.name_en;
}

/** A whole number typed in a form, or null when the field is empty. */
export function wholeOrNull(value: number | string): number | null {
  return typeof value === "number" ? Math.round(value) : null;
}
