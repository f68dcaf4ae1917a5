import { hasRole, useSession } from "../../app/session";

/** Targets, scorecard settings and safety stock are the admin's (`configure_reviews`). */
export function useIsAdmin(): boolean {
  const { session } = useSession();
  return hasRole(session, "admin");
}

/** Recording the day's ratings by hand (`record_ratings`); the app also records them daily. */
export function useMayRecordRatings(): boolean {
  const { session } = useSession();
  return hasRole(session, "admin") || hasRole(session, "vendor_manager");
}
