import { act } from "react";
import { SIGNED_OUT_EVENT } from "../backend/call";
import "../i18n";
import i18n from "../i18n";
import { exponentOf } from "../money";
import currencies from "../testing/currencies.json";
import { mount, settle } from "../testing/mount";
import { Boot } from "./Boot";

// The backend's currency table, plus ISO's test currency XTS to see that Boot installs what it gets.
const status = {
  needs_setup: false,
  company_name: "Sync BV",
  site_code: "AMS1",
  newer_events: 0,
  currencies: [...currencies, { code: "XTS", exponent: 1 }],
};

vi.mock("../backend/call", async (actual) => ({
  ...(await actual<typeof import("../backend/call")>()),
  call: async (act: string) => {
    if (act === "setup_status") return status;
    if (act === "current_session") return null;
    throw new Error(`unexpected ${act}`);
  },
}));

const notice = () => document.querySelector('[data-testid="newer-events"]');

afterEach(() => {
  document.body.innerHTML = "";
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

test("a person the backend signed out (deactivated) is back at sign-in and told why", async () => {
  status.newer_events = 0;
  await mount(<Boot />);
  await settle();
  const error = {
    code: "unauthenticated",
    message_key: "error.auth.deactivated",
    params: {},
    fields: [],
  };
  await act(async () => {
    window.dispatchEvent(new CustomEvent(SIGNED_OUT_EVENT, { detail: error }));
  });
  await settle();
  expect(document.querySelector('[data-testid="signed-out"]')?.textContent).toBe(
    "Your account was deactivated: you have been signed out",
  );
});
