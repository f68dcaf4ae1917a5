import { act } from "react";
import type { LogHold } from "../backend/bindings/LogHold";
import type { Session } from "../backend/bindings/Session";
import { SESSION_BLOCKED_EVENT, SIGNED_OUT_EVENT } from "../backend/call";
import "../i18n";
import i18n from "../i18n";
import { exponentOf } from "../money";
import currencies from "../testing/currencies.json";
import { mount, settle } from "../testing/mount";
import { sessionAs } from "../testing/session";
import { Boot } from "./Boot";

// The backend's currency table, plus ISO's test currency XTS to see that Boot installs what it gets.
const status = {
  needs_setup: false,
  company_name: "Sync BV",
  site_code: "AMS1",
  newer_events: 0,
  currencies: [...currencies, { code: "XTS", exponent: 1 }],
};
let current: Session | null = null;
let hold: LogHold | null = null;

vi.mock("../backend/call", async (actual) => ({
  ...(await actual<typeof import("../backend/call")>()),
  call: async (act: string) => {
    if (act === "setup_status") return status;
    if (act === "current_session") return current;
    if (act === "log_hold") return hold;
    throw new Error(`unexpected ${act}`);
  },
}));

const notice = () => document.querySelector('[data-testid="newer-events"]');

afterEach(() => {
  document.body.innerHTML = "";
  current = null;
  hold = null;
});

test("a log on hold after the check at start shows the finding before anyone signs in", async () => {
  hold = {
    chain_problem: {
      event_id: "0190-e",
      desk_id: "desk-a",
      desk_seq: 7,
      kind: "failure_logged",
      problem: "changed",
    },
    keyed_problem: null,
    key_absent: false,
  };
  await mount(<Boot />);
  await settle();
  expect(document.querySelector('[data-testid="log-hold-finding"]')?.textContent).toBe(
    "Event number 7 of desk desk-a was changed after it was written: 0190-e",
  );
  expect(document.querySelector('[data-testid="signin-submit"]')).not.toBeNull();
});

test("a desk holding a newer Lotline's changes says it needs an update, before sign-in too", async () => {
  status.newer_events = 3;
  await i18n.changeLanguage("nl");
  await mount(<Boot />);
  await settle();
  expect(notice()?.textContent).toContain("3 wijziging(en) van een nieuwere Lotline");
  const close = notice()?.querySelector("button");
  expect(close?.getAttribute("aria-label")).toBe("Sluiten");
  await act(async () => close?.click());
  expect(notice()).toBeNull();
  await i18n.changeLanguage("en");
});

test("a desk with nothing newer shows no notice", async () => {
  status.newer_events = 0;
  await mount(<Boot />);
  await settle();
  expect(document.body.textContent).toContain("Sync BV");
  expect(notice()).toBeNull();
  expect(exponentOf("XTS")).toBe(1);
});

/** The backend refusing an act as unauthenticated, as the call layer announces it. */
async function refuse(event: string, messageKey: string) {
  const error = { code: "unauthenticated", message_key: messageKey, params: {}, fields: [] };
  await act(async () => {
    window.dispatchEvent(new CustomEvent(event, { detail: error }));
  });
  await settle();
}

test("a person the backend signed out (deactivated) is back at sign-in and told why", async () => {
  status.newer_events = 0;
  await mount(<Boot />);
  await settle();
  await refuse(SIGNED_OUT_EVENT, "error.auth.deactivated");
  expect(document.querySelector('[data-testid="signed-out"]')?.textContent).toBe(
    "Your account was deactivated: you have been signed out",
  );
});

const shown = (id: string) => document.querySelector(`[data-testid="${id}"]`) !== null;

test("a session whose password must change shows only the change screen", async () => {
  current = { ...sessionAs(["finance"]), must_change_password: true };
  await mount(<Boot />);
  await settle();
  expect(shown("change-password-page")).toBe(true);
  expect(shown("user-menu")).toBe(false);
});

test("a session the backend reports locked, at start or on a refused act, shows the unlock screen", async () => {
  current = { ...sessionAs(["finance"]), locked: true };
  await mount(<Boot />);
  await settle();
  expect(shown("unlock-page")).toBe(true);
  document.body.innerHTML = "";

  current = { ...sessionAs(["finance"]), must_change_password: true };
  await mount(<Boot />);
  await settle();
  expect(shown("unlock-page")).toBe(false);
  current = { ...sessionAs(["finance"]), locked: true };
  await refuse(SESSION_BLOCKED_EVENT, "error.session.idle_locked");
  expect(shown("unlock-page")).toBe(true);
});
