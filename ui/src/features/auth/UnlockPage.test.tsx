import "../../i18n";
import type { Session } from "../../backend/bindings/Session";
import { byId, click, type } from "../../testing/form";
import { resetAfterEach, speak } from "../../testing/language";
import { mount } from "../../testing/mount";
import { sessionAs } from "../../testing/session";
import { UnlockPage } from "./UnlockPage";

const calls: Array<[string, unknown]> = [];

vi.mock("../../backend/call", async (actual) => {
  const real = await actual<typeof import("../../backend/call")>();
  return {
    ...real,
    call: async (act: string, input: { password?: string }) => {
      calls.push([act, input]);
      if (act === "sign_out") return {};
      if (act === "unlock_session") {
        if (input.password !== "correct horse battery") {
          throw new real.ApiFailure({
            code: "unauthenticated",
            message_key: "error.auth.bad_credentials",
            params: {},
            fields: [],
          });
        }
        return { ...sessionAs(["admin"]), locked: false };
      }
      throw new Error(`unexpected ${act}`);
    },
  };
});

const locked: Session = { ...sessionAs(["admin"]), locked: true };

resetAfterEach(calls);

test("a locked session names whose it is and after how long it locked, in Chinese", async () => {
  await speak("zh-CN");
  await mount(<UnlockPage session={locked} onDone={() => {}} />);
  expect(byId("page-title").textContent).toBe("已锁定");
  expect(byId("unlock-page").textContent).toContain("15 分钟无操作后已锁定");
  expect(byId("unlock-page").textContent).toContain("Ann");
  expect(byId("unlock-sign-out").textContent).toBe("不是 Ann？退出登录");
});

test("a wrong password keeps it locked and says so; the right one opens it", async () => {
  const done = vi.fn();
  await mount(<UnlockPage session={locked} onDone={done} />);
  await type("unlock-password", "not the password");
  await click("unlock-submit");
  expect(byId("unlock-error").textContent).toBe("User name or password is not right");
  expect(done).not.toHaveBeenCalled();

  await type("unlock-password", "correct horse battery");
  await click("unlock-submit");
  expect(calls.at(-1)).toEqual(["unlock_session", { password: "correct horse battery" }]);
  expect(done).toHaveBeenCalledWith(expect.objectContaining({ locked: false }));
});

test("someone else signs out rather than unlock another person's session", async () => {
  const done = vi.fn();
  await mount(<UnlockPage session={locked} onDone={done} />);
  await click("unlock-sign-out");
  expect(calls).toEqual([["sign_out", {}]]);
  expect(done).toHaveBeenCalledWith(null);
});
