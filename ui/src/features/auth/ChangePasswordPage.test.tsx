import "../../i18n";
import type { Session } from "../../backend/bindings/Session";
import { calls } from "../../testing/fakeCall";
import { around, byId, click, type } from "../../testing/form";
import { resetAfterEach, speak } from "../../testing/language";
import { mount } from "../../testing/mount";
import { sessionAs } from "../../testing/session";
import { expectSignsOut } from "../../testing/signOut";
import { ChangePasswordPage } from "./ChangePasswordPage";

const WRONG_CURRENT = "error.user.current_password_wrong";

vi.mock("../../backend/call", async (actual) =>
  (await import("../../testing/fakeCall")).withFakeCall(actual, {
    change_my_password: ({ current_password }, refuse) =>
      current_password === "given-by-admin-1"
        ? { ...sessionAs(["finance"]), must_change_password: false }
        : refuse("invalid", WRONG_CURRENT, [
            { field: "current_password", row: null, message_key: WRONG_CURRENT, params: {} },
          ]),
  }),
);

const forced: Session = { ...sessionAs(["finance"]), must_change_password: true };

resetAfterEach(calls);

async function fill(current: string, next: string, repeat: string) {
  await type("change-password-current", current);
  await type("change-password-new", next);
  await type("change-password-repeat", repeat);
  await click("change-password-submit");
}

test("a forced change says why, in Dutch, and names the rules", async () => {
  await speak("nl");
  await mount(<ChangePasswordPage session={forced} onDone={() => {}} />);
  expect(byId("page-title").textContent).toBe("Kies een nieuw wachtwoord");
  expect(byId("change-password-page").textContent).toContain(
    "een beheerder heeft het uwe opnieuw ingesteld",
  );
  expect(around("change-password-new")).toContain("Minstens 10 tekens");
});

test("two different new passwords are caught before anything is sent", async () => {
  const done = vi.fn();
  await mount(<ChangePasswordPage session={forced} onDone={done} />);
  await fill("given-by-admin-1", "fiens-own-choice", "fiens-own-choise");
  expect(around("change-password-repeat")).toContain("The two passwords are not the same");
  expect(calls).toEqual([]);
  expect(done).not.toHaveBeenCalled();
});

test("a wrong current password is shown at its field; the right one lets the person in", async () => {
  const done = vi.fn();
  await mount(<ChangePasswordPage session={forced} onDone={done} />);
  await fill("a-wrong-guess", "fiens-own-choice", "fiens-own-choice");
  expect(around("change-password-current")).toContain("This is not your current password");
  expect(done).not.toHaveBeenCalled();

  await fill("given-by-admin-1", "fiens-own-choice", "fiens-own-choice");
  expect(calls.at(-1)).toEqual([
    "change_my_password",
    { current_password: "given-by-admin-1", new_password: "fiens-own-choice" },
  ]);
  expect(done).toHaveBeenCalledWith(expect.objectContaining({ must_change_password: false }));
});

test("the person may sign out instead", () =>
  expectSignsOut(
    (done) => <ChangePasswordPage session={forced} onDone={done} />,
    "change-password-sign-out",
  ));
