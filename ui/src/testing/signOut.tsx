import type { ReactNode } from "react";
import { calls } from "./fakeCall";
import { click } from "./form";
import { mount } from "./mount";

/**
 * A held session's screen (locked, or waiting for a new password) whose `button` signs out: the
 * backend is told, and the screen hands back no session.
 */
export async function expectSignsOut(
  screen: (onDone: (session: unknown) => void) => ReactNode,
  button: string,
) {
  const done = vi.fn();
  await mount(screen(done));
  await click(button);
  expect(calls).toEqual([["sign_out", {}]]);
  expect(done).toHaveBeenCalledWith(null);
}
