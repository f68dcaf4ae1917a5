// The inbox across two people: logistics requests a reshipment above its own limit; a finance
// user signs in and finds it in the inbox (the bell counts it), reads it in Chinese, and opens
// the reshipment from there. Her choice of kinds is saved in Settings → Notifications; the
// weekly reviews list is in Reports.

import assert from "node:assert/strict";
import { test } from "node:test";
import { chooseSeverity, chooseSku, SLOW_MS, setUpDesk, signInAs, waitForStatus } from "./flows.mjs";
import { startApp } from "./harness.mjs";

const ADMIN = { username: "nt.admin", name: "NT Admin", password: "e2e-Secret-2026!" };
/** Demo users (crates/app/src/demo.rs) and a demo order whose first line is DEMO_SKU. */
const INSPECTOR = "mei.chen";
const LOGISTICS = "jan.devries";
const FINANCE = "sanne.bakker";
const DEMO_SKU = "PKG-DOOS-M";
const DEMO_ORDER = "SO-2026-01014";
const RESHIPMENT_NO = /^RS-[A-Z0-9]+-\d{6}$/;

/** The inbox's item of `kind` for `record`, once it shows. */
async function waitForItem(app, kind, record) {
  await app.browser.waitUntil(
    () =>
      app.browser.execute(
        (k, r) => Boolean(document.querySelector(`[data-testid="notification-item"][data-kind="${k}"][data-record="${r}"]`)),
        kind,
        record,
      ),
    { timeout: SLOW_MS, interval: 250, timeoutMsg: `no ${kind} notification for ${record} in the inbox` },
  );
}

test("notifications: a reshipment waiting for approval reaches finance's inbox and opens", { timeout: 10 * 60_000 }, async () => {
  const app = await startApp();
  try {
    await setUpDesk(app, { admin: ADMIN });

    const failureNo = await app.step("nt-inspector-logs-failure", async () => {
      await signInAs(app, INSPECTOR);
      await app.click("nav-failures");
      await app.click("failures-new");
      await chooseSku(app, DEMO_SKU);
      await app.fill("ff-qty-inspected", 50);
      await app.fill("ff-qty-failed", 2);
      await app.select("ff-category", 1);
      await chooseSeverity(app, "major");
      await app.fill("ff-description", "Cable sheath split at the plug (e2e notifications)");
      await app.click("ff-submit");
      return app.waitForText("failure-number", /^QF-/, SLOW_MS);
    });

    const reshipmentNo = await app.step("nt-logistics-requests", async () => {
      await signInAs(app, LOGISTICS);
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
      await app.fill("rs-reason", "Replacement for a split cable (e2e notifications)");
      await app.click("rs-submit");
      const number = await app.waitForText("rs-number", RESHIPMENT_NO, SLOW_MS);
      await waitForStatus(app, "rs-status", "requested");
      return number;
    });
    assert.match(reshipmentNo, RESHIPMENT_NO);

    await app.step("nt-requester-is-not-asked", async () => {
      await app.click("notification-bell");
      await app.waitFor("page-title");
      const mine = await app.browser.execute(
        (r) => document.querySelectorAll(`[data-testid="notification-item"][data-kind="reshipment_approval"][data-record="${r}"]`).length,
        reshipmentNo,
      );
      assert.equal(mine, 0, "nobody is asked to approve their own request");
    });

    await app.step("nt-finance-sees-the-bell", async () => {
      await signInAs(app, FINANCE);
      await app.browser.waitUntil(
        async () => Number(await app.browser.execute(() => document.querySelector('[data-testid="notification-bell"]')?.dataset.unread ?? 0)) > 0,
        { timeout: SLOW_MS, interval: 250, timeoutMsg: "the bell counts nothing unread" },
      );
    });

    await app.step("nt-finance-inbox-zh", async () => {
      await app.click("user-menu");
      await app.click("lang-zh-CN");
      await app.click("notification-bell");
      await waitForItem(app, "reshipment_approval", reshipmentNo);
      await app.waitForText("page-title", "通知");
    });

    await app.step("nt-finance-opens-the-record", async () => {
      await app.browser.execute(
        (r) =>
          document
            .querySelector(`[data-testid="notification-item"][data-kind="reshipment_approval"][data-record="${r}"] [data-testid="notification-open"]`)
            .click(),
        reshipmentNo,
      );
      await app.waitForText("rs-number", reshipmentNo);
      await waitForStatus(app, "rs-status", "requested");
      await app.waitFor("rs-approve");
    });

    await app.step("nt-read-in-the-inbox", async () => {
      await app.click("notification-bell");
      await waitForItem(app, "reshipment_approval", reshipmentNo);
      const read = await app.browser.execute(
        (r) => document.querySelector(`[data-testid="notification-item"][data-kind="reshipment_approval"][data-record="${r}"]`).dataset.read,
        reshipmentNo,
      );
      assert.equal(read, "true", "opening it marked it read");
    });

    await app.step("nt-finance-chooses-kinds", async () => {
      await app.click("user-menu");
      await app.click("lang-en");
      await app.click("nav-notification-settings");
      await app.waitFor("notification-kind-reshipment_approval");
      // Mantine draws the switch over a hidden checkbox: the checkbox itself takes the click.
      await app.waitForExist("notification-system");
      await app.browser.execute(() => document.querySelector('[data-testid="notification-system"]').click());
      await app.click("notification-settings-save");
      await app.waitFor("notification-kind-payout_approval");
    });

    await app.step("nt-weekly-reviews-listed", async () => {
      await app.click("nav-reports");
      await app.click("reports-tab-weekly");
      await app.waitFor("weekly-reviews");
    });
  } finally {
    await app.stop();
  }
});
