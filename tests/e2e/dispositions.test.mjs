// Split dispositions, end to end in the real desktop app, in Dutch: 10 of 80 boxes failed; 8 go
// to rework and 2 to scrap, each a line with its owner and due date; the rework is completed,
// the scrap is completed with how and by whom it was destroyed, and the failure closes.
// Screenshots of every step (the panel in Dutch among them) go to screenshots/.

import assert from "node:assert/strict";
import { test } from "node:test";
import { chooseSeverity, chooseSku, SLOW_MS, setUpDesk, waitForFailureStatus } from "./flows.mjs";
import { startApp, TIMEOUT_MS } from "./harness.mjs";

const ADMIN = { username: "qa.admin", name: "QA Admin", password: "e2e-Secret-2026!" };
const DEMO_SKU = "PKG-DOOS-M";

/** The lines as the panel shows them: disposition and status, in order. */
function lines(app) {
  return app.browser.execute(() =>
    [...document.querySelectorAll('[data-testid="disposition-line"]')].map((r) => `${r.dataset.disposition}:${r.dataset.status}`),
  );
}

async function waitForLines(app, expected) {
  let seen = [];
  await app.browser.waitUntil(
    async () => {
      seen = await lines(app);
      return JSON.stringify(seen) === JSON.stringify(expected);
    },
    { timeout: TIMEOUT_MS, interval: 200, timeoutMsg: `the lines should be ${expected.join(", ")}; they are ${seen.join(", ")}` },
  );
}

/** Clicks the button `id` in the line row of `disposition`. */
async function clickInLine(app, disposition, id) {
  await app.browser.execute(
    (d, button) => document.querySelector(`[data-testid="disposition-line"][data-disposition="${d}"] [data-testid="${button}"]`).click(),
    disposition,
    id,
  );
}

test("dispositions: 8 rework and 2 scrap of 10, both completed, the failure closes", { timeout: 10 * 60_000 }, async () => {
  const app = await startApp();
  try {
    await setUpDesk(app, { admin: ADMIN, language: "nl" });

    await app.step("split-failure-logged", async () => {
      await app.click("nav-failures");
      await app.click("failures-new");
      await chooseSku(app, DEMO_SKU);
      await app.fill("ff-qty-inspected", 80);
      await app.fill("ff-qty-failed", 10);
      await app.select("ff-category", 1);
      await chooseSeverity(app, "major");
      await app.fill("ff-description", "Dozen ingedeukt bij ontvangst (e2e gesplitste dispositie)");
      await app.click("ff-submit");
      await app.waitForText("failure-number", /^QF-/, SLOW_MS);
      await waitForFailureStatus(app, "open");
      await app.waitForText("lines-summary", "0 van 10");
    });

    await app.step("split-rework-line", async () => {
      await app.click("line-add");
      const qty = await app.waitFor("line-qty");
      assert.equal(await qty.getValue(), "10", "the unassigned units are offered");
      await app.select("line-disposition", "rework");
      await app.fill("line-qty", 8);
      await app.click("line-add-submit");
      await waitForLines(app, ["rework:open"]);
      await waitForFailureStatus(app, "in_disposition");
    });

    await app.step("split-scrap-line", async () => {
      await app.click("line-add");
      const qty = await app.waitFor("line-qty");
      await app.browser.waitUntil(async () => (await qty.getValue()) === "2", {
        timeout: TIMEOUT_MS,
        timeoutMsg: "the last 2 unassigned units should be offered",
      });
      await app.select("line-disposition", "scrap");
      await app.click("line-add-submit");
      await waitForLines(app, ["rework:open", "scrap:open"]);
      await app.waitForText("lines-summary", "10 van 10");
    });

    await app.step("split-panel-nl", async () => {
      const panel = await app.waitFor("disposition-lines");
      await panel.scrollIntoView();
      const text = await panel.getText();
      assert.match(text, /Disposities/);
      assert.match(text, /Herbewerken/);
    });

    await app.step("split-rework-completed", async () => {
      await clickInLine(app, "rework", "line-complete");
      await app.fill("line-outcome", "8 dozen hersteld en goedgekeurd (e2e)");
      await app.click("line-complete-submit");
      await waitForLines(app, ["rework:completed", "scrap:open"]);
      await waitForFailureStatus(app, "in_disposition");
    });

    await app.step("split-scrap-completed", async () => {
      await clickInLine(app, "scrap", "line-complete");
      await app.fill("line-outcome", "2 dozen vernietigd (e2e)");
      await app.select("line-scrap-method", "crushed");
      await app.click("line-complete-submit");
      await waitForLines(app, ["rework:completed", "scrap:completed"]);
      await waitForFailureStatus(app, "closed", SLOW_MS);
      await app.waitForText("line-scrap-told", "Vermalen door QA Admin");
    });

    await app.step("split-closed-history", async () => {
      const history = await app.waitFor("failure-history");
      await history.scrollIntoView();
      await app.waitForText("failure-history", "Dispositieregel afgerond");
    });
  } finally {
    await app.stop();
  }
});
