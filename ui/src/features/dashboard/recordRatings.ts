import { call } from "../../backend/call";

let started = false;

/**
 * Keeps each vendor's rating history without anyone pressing a button. The backend records at
 * most once per vendor per day, so one try per app session is enough; a refusal (a user without
 * the permission) or a failure must not disturb the dashboard, and retrying would not help.
 */
export function recordVendorRatingsOnce(): void {
  if (started) return;
  started = true;
  call("record_vendor_ratings", {}).catch(() => {});
}
