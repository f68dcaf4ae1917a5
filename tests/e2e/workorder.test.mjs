// A work order blocked by an in-process QC failure and released by the quality lead, on a desk
// set up in Dutch: the admin starts the demo's planned bracket run, logs a failure found on the
// line (the order turns blocked and says why), decides to release it, and completes the run, whose
// output lot is then received; a customer complains about that output. The steps' screenshots show the work order page in Dutch.

import { test } from "node:test";
import { SLOW_MS, setUpDesk, waitForStatus } from "./flows.mjs";
import { TIMEOUT_MS, startApp } from "./harness.mjs";

const ADMIN = { username: "wo.admin", name: "WO Admin", password: "e2e-Secret-2026!" };

/** Opens the first work order in the list with `status`. */
async function openWorkOrder(app, status) {
  await app.click("nav-work-orders");
  const selector = `[data-testid="wo-row"][data-status="${status}"]`;
  await app.browser.waitUntil(() => app.browser.execute((s) => Boolean(document.querySelector(s)), selector), {
    timeout: SLOW_MS,
    interval: 250,
    timeoutMsg: `no ${status} work order in the list`,
  });
  await app.browser.execute((s) => document.querySelector(s).click(), selector);
  await waitForStatus(app, "wo-status", status);
}

test("work order: blocked by an in-process failure and released by a quality lead (in Dutch)", { timeout: 10 * 60_000 }, async () => {
  const app = await startApp();
  try {
    await setUpDesk(app, { admin: ADMIN, language: "nl" });

    await app.step("work-order-list", async () => {
      await app.click("nav-work-orders");
      await app.waitForCount("wo-row", 3, { atLeast: true, timeout: SLOW_MS });
    });

    await app.step("work-order-started", async () => {
      await openWorkOrder(app, "planned");
      await app.waitForCount("wo-component", 2);
      await app.click("wo-start");
      await waitForStatus(app, "wo-status", "in_progress");
    });

    await app.step("work-order-blocked", async () => {
      await app.click("wo-log-failure");
      await app.fill("wo-failure-failed", "2");
      await app.fill("wo-failure-description", "Scharnierpen zit niet vast: beugel wiebelt");
      await app.click("wo-failure-save");
      await waitForStatus(app, "wo-status", "blocked");
      await app.waitFor("wo-blocked");
      // Blocked: the run cannot complete until the decision.
      const complete = await app.waitFor("wo-complete");
      if (await complete.isEnabled()) throw new Error("Gereedmelden should be disabled while blocked");
    });

    await app.step("work-order-released", async () => {
      await app.click("wo-decide");
      await app.select("wo-decide-decision", "release");
      await app.fill("wo-decide-note", "Pen opnieuw geperst, 10 van 10 nagemeten");
      await app.click("wo-decide-save");
      await waitForStatus(app, "wo-status", "in_progress");
      await app.browser.waitUntil(
        () => app.browser.execute(() => !document.querySelector('[data-testid="wo-blocked"]')),
        { timeout: TIMEOUT_MS, interval: 200, timeoutMsg: "the blocked banner should be gone" },
      );
    });

    await app.step("work-order-completed", async () => {
      await app.click("wo-complete");
      await app.click("wo-complete-save");
      await waitForStatus(app, "wo-status", "completed");
      await app.waitForText("wo-output-link", "AMS-BRK-0003");
    });

    await app.step("complaint-on-the-output", async () => {
      await app.click("wo-new-complaint");
      await app.fill("complaint-customer", "C-GAM");
      await app.fill("complaint-qty", "2");
      await app.fill("complaint-description", "Twee beugels los van de muur na een week");
      await app.click("complaint-open-save");
      await waitForStatus(app, "complaint-status", "open");
      await app.waitForText("complaint-vendor", "DGMT");
    });
  } finally {
    await app.stop();
  }
});
