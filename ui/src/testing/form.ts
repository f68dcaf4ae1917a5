import { act } from "react";
import { settle } from "./mount";

/** The element with `data-testid` `id`; fails the test when there is none. */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.querySelector<T>(`[data-testid="${id}"]`);
  if (!el) throw new Error(`no ${id}`);
  return el;
}

/** The label, description and error shown around an input. */
export const around = (id: string) =>
  byId(id).closest(".mantine-InputWrapper-root")?.textContent ?? "";

/** Types `text` into an input or a text area the way React hears it. */
export async function type(id: string, text: string) {
  await act(async () => {
    // The element's own setter (an input's or a text area's), which React listens behind.
    const input = byId<HTMLInputElement | HTMLTextAreaElement>(id);
    Object.getOwnPropertyDescriptor(Object.getPrototypeOf(input), "value")?.set?.call(input, text);
    input.dispatchEvent(new Event("input", { bubbles: true }));
  });
}

export async function click(id: string) {
  await act(async () => byId(id).click());
  await settle();
}
