import "../../i18n";
import { around, click, type } from "../../testing/form";
import { resetAfterEach, speak } from "../../testing/language";
import { mount } from "../../testing/mount";
import { sessionAs } from "../../testing/session";
import { SessionPolicyCard } from "./SessionPolicyCard";

const calls: Array<[string, unknown]> = [];

vi.mock("../../backend/call", async (actual) => {
  const real = await actual<typeof import("../../backend/call")>();
  return {
    ...real,
    call: async (act: string, input: { idle_lock_minutes: number }) => {
      calls.push([act, input]);
      if (act !== "set_session_policy") throw new Error(`unexpected ${act}`);
      if (input.idle_lock_minutes > 480) {
        const field = {
          field: "idle_lock_minutes",
          row: null,
          message_key: "error.settings.idle_lock_range",
          params: { min: "1", max: "480" },
        };
        throw new real.ApiFailure({ ...field, code: "invalid", fields: [field] } as never);
      }
      return { ...sessionAs(["admin"]).settings, idle_lock_minutes: input.idle_lock_minutes };
    },
  };
});

resetAfterEach(calls);

test("an administrator sets the idle lock; a time out of range is refused at its field, in Dutch", async () => {
  await speak("nl");
  await mount(<SessionPolicyCard />, { session: sessionAs(["admin"]) });
  expect(around("idle-lock-minutes")).toContain("Vergrendelen na (minuten)");
  await type("idle-lock-minutes", "600");
  await click("idle-lock-save");
  expect(calls).toEqual([["set_session_policy", { idle_lock_minutes: 600 }]]);
  expect(around("idle-lock-minutes")).toContain("Tussen 1 en 480 minuten");

  await type("idle-lock-minutes", "30");
  await click("idle-lock-save");
  expect(calls.at(-1)).toEqual(["set_session_policy", { idle_lock_minutes: 30 }]);
  expect(around("idle-lock-minutes")).not.toContain("Tussen");
});
