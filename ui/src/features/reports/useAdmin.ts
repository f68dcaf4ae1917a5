import { hasRole, useSession } from "../../app/session";

/** Targets, scorecard settings and safety stock are the admin's (`configure_reviews`). */
export function useIsAdmin(): boolean {
  const { session } = useSession();
  return hasRole(session, "admin");
}
