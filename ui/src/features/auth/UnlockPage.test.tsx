import "../../i18n";
import type { Session } from "../../backend/bindings/Session";
import { calls } from "../../testing/fakeCall";
import { byId, click, type } from "../../testing/form";
import { resetAfterEach, speak } from "../../testing/language";
import { mount } from "../../testing/mount";
import { sessionAs } from "../../testing/session";
import { expectSignsOut } from "../../testing/signOut";
import { UnlockPage } from "./UnlockPage";

vi.mock("../../backend/call", async (actual) =>
  (await import("../../testing/fakeCall")).withFakeCall(actual, {
    unlock_session: ({ password }, refuse) =>
      password === "correct horse battery"
        ? { ...sessionAs(["admin"]), locked: false }
        : refuse("unauthenticated", "error.auth.bad_credentials"),
  }),
);

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

test("someone else signs out rather than unlock another person's session", () =>
  expectSignsOut((done) => <UnlockPage session={locked} onDone={done} />, "unlock-sign-out"));
