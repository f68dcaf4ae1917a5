// The inbox across two people: logistics requests a reshipment above its own limit; a finance
// user signs in and finds it in the inbox (the bell counts it), reads it in Chinese, and opens
// the reshipment from there. Her choice of kinds is saved in Settings → Notifications; the
// weekly reviews list is in Reports.

import assert from "node:assert/strict";
import { test } from "node:test";
import {
  DEMO_FINANCE as FINANCE,
  RESHIPMENT_NO,
  requestReshipmentAboveLimit,
  SLOW_MS,
  setUpDesk,
  signInAs,
  waitForStatus,
} from "./flows.mjs";
import { startApp } from "./harness.mjs";

const ADMIN = { username: "nt.admin", name: "NT Admin", password: "e2e-Secret-2026!" };

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

    const { reshipmentNo } = await requestReshipmentAboveLimit(app, { prefix: "nt", tag: "e2e notifications" });
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
