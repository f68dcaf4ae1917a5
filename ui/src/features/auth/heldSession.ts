import type { Session } from "../../backend/bindings/Session";
import { call } from "../../backend/call";

/**
 * What a screen shown instead of the app while a session is held (locked, or waiting for a new
 * password) takes: the session, and `onDone` for the session to go on with, or null once signed out.
 */
export type HeldSessionProps = { session: Session; onDone: (session: Session | null) => void };

/** Signs out, then tells the screen's owner there is no session to go on with. */
export async function signOut(onDone: HeldSessionProps["onDone"]) {
  await call("sign_out", {});
  onDone(null);
}
