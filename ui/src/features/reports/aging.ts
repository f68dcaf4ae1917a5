import type { RmaAging } from "../../backend/bindings/RmaAging";

/** Open RMAs by age, youngest first (`open` is their total). */
export const AGING_BUCKETS = [
  "days_0_2",
  "days_3_7",
  "days_8_14",
  "days_15_30",
  "over_30_days",
] as const satisfies readonly (keyof RmaAging)[];
