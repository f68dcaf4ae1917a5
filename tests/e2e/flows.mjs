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
    if (demo) await checkBox(app, "setup-demo");
  });
  await app.step("setup-done-shell", async () => {
    await app.click("setup-submit");
    await app.waitFor("nav-failures", SLOW_MS);
  });
}

/** Ticks a checkbox (a native one, or a Mantine one whose input carries the test id). */
export async function checkBox(app, id) {
  const box = await app.waitForExist(id);
  if (await box.isSelected()) return;
  if (await box.isDisplayed()) await box.click();
  else await app.browser.execute((el) => el.click(), box);
  await app.browser.waitUntil(() => box.isSelected(), { timeout: 5_000, timeoutMsg: `checkbox data-testid="${id}" did not get ticked` });
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
