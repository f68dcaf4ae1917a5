import type { ApiError } from "../backend/bindings/ApiError";
import type { FieldError } from "../backend/bindings/FieldError";

/** The acts a page called, in order, each with its input. */
export type Calls = Array<[string, unknown]>;

/** What the faked `call` was asked, in this test file (each file has its own modules). */
export const calls: Calls = [];

/** Throws the backend's refusal with `code` and `message_key`, naming the `fields` given. */
type Refuse = (code: ApiError["code"], message_key: string, fields?: FieldError[]) => never;

// Inputs are what the page sent: each answer reads the fields it cares about.
type Answer = (input: Record<string, unknown>, refuse: Refuse) => unknown;

/** Acts any screen may send whose answer no test needs to choose. */
const ALWAYS: Record<string, Answer> = { sign_out: () => ({}) };

/**
 * The backend module for a test's `vi.mock`, the real one but for `call`: each act goes into
 * `calls`, then `answers[act]` answers it or refuses; an act it has no answer for fails the test.
 */
export async function withFakeCall(
  actual: () => Promise<typeof import("../backend/call")>,
  answers: Record<string, Answer>,
) {
  const real = await actual();
  const refuse: Refuse = (code, message_key, fields = []) => {
    throw new real.ApiFailure({ code, message_key, params: {}, fields });
  };
  const call = async (act: string, input: Record<string, unknown>) => {
    calls.push([act, input]);
    const answer = answers[act] ?? ALWAYS[act];
    if (!answer) throw new Error(`unexpected ${act}`);
    return answer(input, refuse);
  };
  return { ...real, call };
}

/** The input of the last `act` the faked `call` was asked, if any. */
export const lastInput = (act: string) => calls.filter(([asked]) => asked === act).at(-1)?.[1];
