// Steps several flows share: the first-start setup and ticking a Mantine checkbox.

import { TIMEOUT_MS } from "./harness.mjs";

/** Loading the demo data set and hashing the password take a while in a debug build. */
export const SLOW_MS = Math.max(TIMEOUT_MS, 60_000);

/** Fills the first-start screen and submits it; resolves once the app shell is shown. */
export async function setUpDesk(app, { admin, language = "en", demo = true }) {
  await app.step("setup-form", async () => {
    await app.fill("setup-company", "Lotline E2E B.V.");
    await app.fill("setup-site", "AMS1");
    await app.select("setup-currency", "EUR");
    await app.select("setup-language", language);
    await app.fill("setup-admin-username", admin.username);
    await app.fill("setup-admin-name", admin.name);
    await app.fill("setup-admin-password", admin.password);
    await app.fill("setup-admin-password2", admin.password);
    // The box starts ticked: a desk without the demo data unticks it.
    await checkBox(app, "setup-demo", demo);
  });
  await app.step("setup-done-shell", async () => {
    await app.click("setup-submit");
    await app.waitFor("nav-failures", SLOW_MS);
  });
}

/** Ticks (or, with `ticked` false, unticks) a checkbox: a native one, or a Mantine one whose input carries the test id. */
export async function checkBox(app, id, ticked = true) {
  const box = await app.waitForExist(id);
  if ((await box.isSelected()) === ticked) return;
  if (await box.isDisplayed()) await box.click();
  else await app.browser.execute((el) => el.click(), box);
  await app.browser.waitUntil(async () => (await box.isSelected()) === ticked, {
    timeout: 5_000,
    timeoutMsg: `checkbox data-testid="${id}" did not get ${ticked ? "ticked" : "unticked"}`,
  });
}

/** Waits until the failure detail shows `status` (the coded value, whatever the UI language). */
export async function waitForFailureStatus(app, status, timeout = TIMEOUT_MS) {
  const read = () => app.browser.execute(() => document.querySelector('[data-testid="failure-status"]')?.dataset.status ?? null);
  let seen = null;
  await app.browser.waitUntil(
    async () => {
      seen = await read();
      return seen === status;
    },
    { timeout, interval: 200, timeoutMsg: `the failure should be "${status}"; it is "${seen}"` },
  );
}

/**
 * The SKU field is a searchable Mantine Select: type the SKU, then pick the option that shows it
 * (or, when none does, the first option), by click; Enter as a last resort.
 */
export async function chooseSku(app, sku) {
  const input = await app.waitFor("ff-sku");
  await input.click();
  await input.addValue(sku);
  // Mantine keeps closed dropdowns in the DOM, hidden: only displayed options count.
  const options = async () => {
    const shown = [];
    for (const option of await app.browser.$$('[role="option"]')) if (await option.isDisplayed()) shown.push(option);
    return shown;
  };
  try {
    await app.browser.waitUntil(async () => (await options()).length > 0, { timeout: 10_000, interval: 200 });
  } catch {
    await app.browser.keys(["Enter"]);
  }
  const all = await options();
  if (all.length > 0) {
    let pick = all[0];
    for (const option of all) {
      if ((await option.getText()).includes(sku)) {
        pick = option;
        break;
      }
    }
    await pick.click();
  }
  await app.browser.waitUntil(async () => (await input.getValue()).trim() !== "" && (await options()).length === 0, {
    timeout: 5_000,
    timeoutMsg: `no SKU got chosen in ff-sku (typed "${sku}"; value "${await input.getValue()}")`,
  });
}

/** Severity may be a <select>, a radio group or a segmented control: choose `value` in any of them. */
export async function chooseSeverity(app, value) {
  const el = await app.waitFor("ff-severity");
  const tag = (await el.getTagName()).toLowerCase();
  if (tag === "select") {
    await app.select("ff-severity", value);
    return;
  }
  if (tag === "input") {
    // A Mantine Select: open it and click the option (its label may be translated, its value not).
    await el.click();
    const options = await app.browser.$$('[role="option"]');
    for (const option of options) {
      if (!(await option.isDisplayed())) continue;
      const text = (await option.getText()).toLowerCase();
      const optionValue = await option.getAttribute("value");
      if (optionValue === value || text.includes(value)) {
        await option.click();
        return;
      }
    }
    throw new Error(`data-testid="ff-severity" has no option "${value}"`);
  }
  const input = await el.$(`input[value="${value}"]`);
  if (await input.isExisting()) {
    const label = await el.$(`label[for="${await input.getAttribute("id")}"]`);
    if (await label.isExisting()) await label.click();
    else await app.browser.execute((node) => node.click(), input);
    return;
  }
  throw new Error(`don't know how to choose "${value}" in data-testid="ff-severity" (<${tag}>)`);
}

/** Every demo user's password (crates/app/src/demo). */
export const DEMO_PASSWORD = "demo-pass-2026";

/** Signs out whoever is signed in and signs in as a demo user. */
export async function signInAs(app, username) {
  await app.click("user-menu");
  await app.click("sign-out");
  await app.fill("signin-username", username);
  await app.fill("signin-password", DEMO_PASSWORD);
  await app.click("signin-submit");
  await app.waitFor("nav-failures", SLOW_MS);
}

/** Waits until the badge `data-testid="testId"` carries `data-status="status"` (a coded value, whatever the language). */
export async function waitForStatus(app, testId, status) {
  let seen = null;
  await app.browser.waitUntil(
    async () => {
      seen = await app.browser.execute((id) => document.querySelector(`[data-testid="${id}"]`)?.dataset.status ?? null, testId);
      return seen === status;
    },
    { timeout: TIMEOUT_MS, interval: 200, timeoutMsg: `${testId} should be "${status}"; it is "${seen}"` },
  );
}

/** Opens reshipment `number` from the reshipments list. */
export async function openReshipment(app, number) {
  await app.click("nav-reshipments");
  await app.browser.waitUntil(
    () => app.browser.execute((no) => Boolean(document.querySelector(`[data-testid="reshipments-row"][data-no="${no}"]`)), number),
    { timeout: TIMEOUT_MS, interval: 250, timeoutMsg: `${number} is not in the reshipments list` },
  );
  await app.browser.execute((no) => document.querySelector(`[data-testid="reshipments-row"][data-no="${no}"]`).click(), number);
  await app.waitForText("rs-number", number);
}

/** Demo users (crates/app/src/demo.rs) of the reshipment flows. */
export const DEMO_INSPECTOR = "mei.chen";
export const DEMO_LOGISTICS = "jan.devries";
export const DEMO_FINANCE = "sanne.bakker";
/** A demo order whose first line is DEMO_SKU (not lot-tracked). */
export const DEMO_SKU = "PKG-DOOS-M";
export const DEMO_ORDER = "SO-2026-01014";
export const RESHIPMENT_NO = /^RS-[A-Z0-9]+-\d{6}$/;

/**
 * The reshipment flows' opening: an inspector logs a failure on DEMO_SKU, and logistics requests
 * a reshipment of one unit of DEMO_ORDER for it, 120.00 in all: above logistics' own limit, so it
 * waits for someone else's approval. Steps are named `${prefix}-…`; `tag` marks the texts.
 */
export async function requestReshipmentAboveLimit(app, { prefix, tag }) {
  const failureNo = await app.step(`${prefix}-inspector-logs-failure`, async () => {
    await signInAs(app, DEMO_INSPECTOR);
    await app.click("nav-failures");
    await app.click("failures-new");
    await chooseSku(app, DEMO_SKU);
    await app.fill("ff-qty-inspected", 50);
    await app.fill("ff-qty-failed", 2);
    await app.select("ff-category", 1);
    await chooseSeverity(app, "major");
    await app.fill("ff-description", `Cable sheath split at the plug (${tag})`);
    await app.click("ff-submit");
    return app.waitForText("failure-number", /^QF-/, SLOW_MS);
  });
  const reshipmentNo = await app.step(`${prefix}-logistics-requests`, async () => {
    await signInAs(app, DEMO_LOGISTICS);
    await app.click("nav-failures");
    await app.fill("failures-filter-text", failureNo);
    await app.waitForCount("failure-row", 1);
    const [row] = await app.allByTestId("failure-row");
    await row.click();
    await app.click("request-reshipment");
    await app.fill("rs-order", DEMO_ORDER);
    await app.fill("rs-line-qty-1", 1);
    await app.select("rs-carrier", "dpd");
    await app.fill("rs-service", "Classic");
    await app.fill("rs-shipping", "45.00");
    await app.fill("rs-goods", "75.00");
    await app.fill("rs-reason", `Replacement for a split cable (${tag})`);
    await app.click("rs-submit");
    const number = await app.waitForText("rs-number", RESHIPMENT_NO, SLOW_MS);
    await waitForStatus(app, "rs-status", "requested");
    await app.waitFor("rs-refusal");
    return number;
  });
  return { failureNo, reshipmentNo };
}
