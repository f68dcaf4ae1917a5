import type { Role } from "../backend/bindings/Role";
import type { Session } from "../backend/bindings/Session";

/** A session with `roles`; `permissions` as the backend would send them, when a test needs them. */
export const sessionAs = (roles: Role[], permissions: string[] = []): Session => ({
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
});
