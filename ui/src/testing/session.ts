import type { Queue } from "../backend/bindings/Queue";
import type { Role } from "../backend/bindings/Role";
import type { Session } from "../backend/bindings/Session";
import permissionsOf from "./permissions.json";
import queuesOf from "./queues.json";

/** The permissions sign-in serves for `roles` (crates/app/tests/session_permissions.rs writes them). */
export function permissionsFor(roles: readonly Role[]): string[] {
  const table = permissionsOf as Record<string, string[]>;
  return [...new Set(roles.flatMap((role) => table[role] ?? []))];
}

/** The reshipment queue sign-in serves for `roles`: their first role's that has one. */
export function queueFor(roles: readonly Role[]): Queue | null {
  const table = queuesOf as Record<string, Queue | null>;
  return roles.map((role) => table[role] ?? null).find((queue) => queue !== null) ?? null;
}

/** A session with `roles`, holding the permissions the backend gives them unless told otherwise. */
export const sessionAs = (
  roles: Role[],
  permissions: string[] = permissionsFor(roles),
): Session => ({
  user: { id: "u1", username: "ann", display_name: "Ann", roles, language: "en", active: true },
  settings: {
    company_name: "Co",
    site_code: "AMS1",
    currency: "EUR",
    default_language: "en",
    idle_lock_minutes: 15,
  },
  must_change_password: false,
  locked: false,
  permissions,
  queue: queueFor(roles),
});
