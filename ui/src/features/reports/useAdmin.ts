import { useMay } from "../../app/session";

/** Targets, scorecard settings and safety stock minimums (`configure_reviews`). */
export function useMayConfigureReviews(): boolean {
  return useMay("configure_reviews");
}

/** Recording the day's ratings by hand (`record_ratings`); the app also records them daily. */
export function useMayRecordRatings(): boolean {
  return useMay("record_ratings");
}
