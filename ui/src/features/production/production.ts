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

/** Who plans, starts and completes runs (the backend's `record_lots` permission decides). */
export function mayRunWorkOrders(roles: string[]): boolean {
  return roles.some((r) => ["admin", "quality_lead", "logistics", "inspector"].includes(r));
}

/** Who lifts a block (the backend's `release_holds`): a quality lead's call. */
export function mayDecideBlocks(roles: string[]): boolean {
  return roles.some((r) => ["admin", "quality_lead"].includes(r));
}

/** Who logs an in-process failure (the backend's `log_failure`). */
export function mayLogFailures(roles: string[]): boolean {
  return roles.some((r) => ["admin", "quality_lead", "inspector", "returns_analyst"].includes(r));
}

/** Who records and follows up complaints (the backend's `record_complaints`). */
export function mayRecordComplaints(roles: string[]): boolean {
  return roles.some((r) =>
    ["admin", "quality_lead", "returns_analyst", "logistics", "vendor_manager"].includes(r),
  );
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
