import "../../i18n";
import type { LogHold } from "../../backend/bindings/LogHold";
import { calls } from "../../testing/fakeCall";
import { byId, click, type } from "../../testing/form";
import { resetAfterEach, speak } from "../../testing/language";
import { mount } from "../../testing/mount";
import { sessionAs } from "../../testing/session";
import { LogHoldPage } from "./LogHoldPage";

vi.mock("../../backend/call", async (actual) =>
  (await import("../../testing/fakeCall")).withFakeCall(actual, {
    sign_in: ({ username }, refuse) =>
      username === "admin"
        ? sessionAs(["admin"])
        : refuse("forbidden", "error.audit.administrator_needed"),
    release_log_hold: () => ({}),
  }),
);

const rewritten: LogHold = {
  chain_problem: null,
  keyed_problem: {
    desk_id: "desk-a",
    from_seq: 17,
    to_seq: 22,
    event_id: "0190-event",
    problem: "rewritten",
  },
  key_absent: false,
};

resetAfterEach(calls);

test("the finding is told in Dutch, and only an administrator of the verified log gets past sign-in", async () => {
  await speak("nl");
  const signedIn = vi.fn();
  await mount(
    <LogHoldPage hold={rewritten} session={null} onSignedIn={signedIn} onReleased={() => {}} />,
  );
  expect(byId("page-title").textContent).toBe("Het auditlogboek heeft een beheerder nodig");
  expect(byId("log-hold-finding").textContent).toBe(
    "Gebeurtenissen 17 tot 22 van werkplek desk-a zijn herschreven en de keten daarna opnieuw berekend. Eerste gebeurtenis van het bereik: 0190-event",
  );
  await type("signin-username", "clerk");
  await type("signin-password", "clerk password 123");
  await click("signin-submit");
  expect(byId("signin-error").textContent).toBe(
    "Alleen een beheerder volgens het geverifieerde auditlogboek kan nu verder",
  );
  expect(signedIn).not.toHaveBeenCalled();
  await type("signin-username", "admin");
  await click("signin-submit");
  expect(signedIn).toHaveBeenCalledTimes(1);
});

test("a signed-in administrator records the finding and goes on", async () => {
  const released = vi.fn();
  await mount(
    <LogHoldPage
      hold={{ chain_problem: null, keyed_problem: null, key_absent: true }}
      session={sessionAs(["admin"])}
      onSignedIn={() => {}}
      onReleased={released}
    />,
  );
  expect(byId("log-hold-finding").textContent).toContain("not on this computer");
  await click("log-hold-release");
  expect(calls.map(([name]) => name)).toEqual(["release_log_hold"]);
  expect(released).toHaveBeenCalledTimes(1);
});
