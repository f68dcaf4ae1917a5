import { createContext, useContext } from "react";
import type { Session } from "../backend/bindings/Session";

export type SessionState = {
  session: Session;
  setSession: (session: Session | null) => void;
};

export const SessionContext = createContext<SessionState | null>(null);

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error("useSession outside a signed-in app");
  return state;
}

/** Whether the backend said the person may do `permission` ("configure_quality", …). */
export function may(session: Session | null | undefined, permission: string): boolean {
  return session?.permissions.includes(permission) ?? false;
}

/** `may` for the signed-in person. */
export function useMay(permission: string): boolean {
  return may(useSession().session, permission);
}
