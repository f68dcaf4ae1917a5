import type { Role } from "../../backend/bindings/Role";
import type { ListReshipmentsInput, Queue, ReshipmentStatus, SlaState } from "./types";

export type ReshipmentFilters = { text: string; status: string; queue: string; sla: string };

export const NO_FILTERS: ReshipmentFilters = { text: "", status: "", queue: "", sla: "" };

const QUEUE_OF_ROLE: Partial<Record<Role, Queue>> = {
  finance: "finance",
  logistics: "logistics",
  vendor_manager: "vendor_management",
};

/** The team queue a user works from, by their first role that owns one; null when none does. */
export function myQueue(roles: Role[]): Queue | null {
  for (const role of roles) {
    const queue = QUEUE_OF_ROLE[role];
    if (queue) return queue;
  }
  return null;
}

const orNull = (value: string) => (value.trim() === "" ? null : value.trim());

/** The list act's input for what the filter bar shows; empty fields filter nothing. */
export function toListInput(
  filters: ReshipmentFilters,
  offset: number,
  limit: number,
): ListReshipmentsInput {
  return {
    text: orNull(filters.text),
    status: orNull(filters.status) as ReshipmentStatus | null,
    queue: orNull(filters.queue) as Queue | null,
    sla: orNull(filters.sla) as SlaState | null,
    offset,
    limit,
  };
}
