// Returns taken in unit by unit (issue 22): a return of two units is received with a grade per
// unit (one as new, one visibly worn), the worn one goes to refurbishment and waits in the
// refurbishment queue, apart from stock sold as new, until its outcome is recorded. The desk
// speaks Chinese, so the intake step is seen in zh-CN.

import { test } from "node:test";
import { SLOW_MS, checkBox, setUpDesk, waitForStatus } from "./flows.mjs";
import { startApp, TIMEOUT_MS } from "./harness.mjs";

const ADMIN = { username: "units.admin", name: "Units Admin", password: "e2e-Secret-2026!" };
/** A demo order placed 22 days ago (crates/app/src/demo): line 1 is a plain product, 13 units. */
const SIMPLE_ORDER = "SO-2026-01039";
const RMA_NO = /^RMA-[A-Z0-9]+-\d{6}$/;

async function setDate(app, id, isoDate) {
  await app.waitFor(id);
  await app.browser.execute(
    (testId, value) => {
      const input = document.querySelector(`[data-testid="${testId}"]`);
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set.call(input, value);
      input.dispatchEvent(new Event("input", { bubbles: true }));
    },
    id,
    isoDate,
  );
}

function daysAgo(days) {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

test("returns: a grade per unit at intake, and the worn unit in the refurbishment queue", { timeout: 10 * 60_000 }, async () => {
  const app = await startApp();
  try {
    await setUpDesk(app, { admin: ADMIN, language: "zh-CN" });

    const rmaNo = await app.step("units-open-return-of-two", async () => {
      await app.click("nav-returns");
      await app.click("rmas-new");
      await app.fill("rma-order", SIMPLE_ORDER);
      await checkBox(app, "rma-line-pick-1");
      await app.fill("rma-line-qty-1", 2);
      await app.select("rma-reason", "no_longer_needed");
      await setDate(app, "rma-delivered-on", daysAgo(19));
      await app.browser.waitUntil(
        () => app.browser.execute(() => document.querySelector('[data-testid="rma-verdict-panel"]')?.dataset.result === "pass"),
        { timeout: TIMEOUT_MS, interval: 250, timeoutMsg: "the live verdict should pass" },
      );
      await app.click("rma-submit");
      const number = await app.waitForText("rma-number", RMA_NO, SLOW_MS);
      await waitForStatus(app, "rma-status", "approved");
      return number;
    });

    await app.step("units-intake-graded-per-unit-zh", async () => {
      await app.click("rma-in-transit");
      await app.select("rma-transit-carrier", "postnl");
      await app.fill("rma-transit-tracking", "3SLTRT9000002");
      await app.click("rma-in-transit-submit");
      await waitForStatus(app, "rma-status", "in_transit");
      await app.click("rma-receive");
      await app.fill("rma-receive-qty-0", 2);
      for (const check of ["rma-receive-packaging", "rma-receive-accessories", "rma-receive-serials"]) {
        await app.select(check, "yes");
      }
      // Every unit as new, then the second unit visibly worn.
      await app.select("rma-receive-grade", "A");
      await app.waitFor("rma-receive-unit-grade-0-2");
      await app.select("rma-receive-unit-grade-0-2", "C");
      await app.screenshot("units-intake-per-unit-zh-CN");
      await app.click("rma-receive-submit");
      await waitForStatus(app, "rma-status", "received");
      await app.waitForText("rma-unit-grades", /A, C/);
    });

    await app.step("units-inspected-per-grade", async () => {
      await app.click("rma-inspect");
      // One row per grade: the A unit back on the shelf, the C unit to refurbishment.
      await app.waitForText("rma-inspect-grade-0", /A/);
      await app.waitForText("rma-inspect-grade-0-1", /C/);
      await app.select("rma-inspect-disposition-0", "restock");
      await app.fill("rma-inspect-location-0", "MAIN");
      await app.select("rma-inspect-disposition-0-1", "refurbish");
      await app.fill("rma-inspect-location-0-1", "MAIN");
      await app.click("rma-inspect-submit");
      await waitForStatus(app, "rma-status", "inspected");
      await app.waitFor("rma-line-awaiting-0");
    });

    await app.step("units-refurbishment-queue", async () => {
      await app.click("nav-refurbishment");
      await app.waitForCount("refurbishment-row", 1);
      await app.waitForText("refurbishment-queue", rmaNo);
      await app.click(`refurbish-${rmaNo}-0`);
      await app.select("refurbish-outcome", "refurbished");
      await app.fill("refurbish-note", "新外壳");
      await app.click("refurbish-submit");
      await app.waitFor("refurbishment-empty");
    });
  } finally {
    await app.stop();
  }
});
