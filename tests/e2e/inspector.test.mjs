// The QC inspector's day, end to end in the real desktop app: first-start setup with demo data,
// sign out and in, log a failure with a photo, find it in the list, correct it (history grows),
// and switch the interface to Simplified Chinese. Screenshots of every step go to screenshots/.

import assert from "node:assert/strict";
import { test } from "node:test";
import { chooseSeverity, chooseSku, SLOW_MS, setUpDesk } from "./flows.mjs";
import { startApp, TIMEOUT_MS, writePngFixture } from "./harness.mjs";

const ADMIN = { username: "qa.admin", name: "QA Admin", password: "e2e-Secret-2026!" };
/** A SKU of the demo data set (crates/app/src/demo.rs); E2E_SKU overrides it. */
const DEMO_SKU = process.env.E2E_SKU ?? "CBL-USBC-2M";
const FAILURE_NO = /^QF-[A-Z0-9]+-\d{6}$/;

test("inspector: set up, sign in, log a failure with a photo, find it, correct it, read it in Chinese", { timeout: 10 * 60_000 }, async () => {
  const app = await startApp();
  try {
    await setUpDesk(app, { admin: ADMIN });

    await app.step("signed-out", async () => {
      await app.click("user-menu");
      await app.click("sign-out");
      await app.waitFor("signin-username");
    });

    await app.step("signed-in", async () => {
      await app.fill("signin-username", ADMIN.username);
      await app.fill("signin-password", ADMIN.password);
      await app.click("signin-submit");
      await app.waitFor("nav-failures", SLOW_MS);
    });

    await app.step("failures-list", async () => {
      await app.click("nav-failures");
      await app.waitFor("failures-new");
    });

    const photo = writePngFixture();
    await app.step("failure-form-filled", async () => {
      await app.click("failures-new");
      await chooseSku(app, DEMO_SKU);
      await app.fill("ff-lot", "LOT-E2E-0001");
      await app.fill("ff-qty-inspected", 80);
      await app.fill("ff-qty-failed", 3);
      await app.select("ff-category", 1);
      await chooseSeverity(app, "major");
      await app.fill("ff-description", "Connector housing cracked on 3 of 80 samples (e2e)");
      await attachFile(app, "ff-photo-input", photo);
    });

    const failureNo = await app.step("failure-logged", async () => {
      await app.click("ff-submit");
      const number = await app.waitForText("failure-number", FAILURE_NO, SLOW_MS);
      await app.waitFor("failure-photo");
      return number;
    });
    assert.match(failureNo, FAILURE_NO);

    await app.step("failures-filtered", async () => {
      await app.click("nav-failures");
      await app.fill("failures-filter-text", failureNo);
      await app.browser.waitUntil(
        async () => {
          const rows = await app.allByTestId("failure-row");
          return rows.length === 1 && (await rows[0].getAttribute("data-failure-no")) === failureNo;
        },
        { timeout: TIMEOUT_MS, interval: 250, timeoutMsg: `the list filtered by ${failureNo} should show exactly that failure-row` },
      );
    });

    await app.step("failure-detail-history", async () => {
      const [row] = await app.allByTestId("failure-row");
      await row.click();
      await app.waitForText("failure-number", failureNo);
      await app.waitFor("failure-history");
      await app.waitForCount("history-entry", 1, { atLeast: true });
    });
    const entriesBefore = (await app.allByTestId("history-entry")).length;

    await app.step("correction-form", async () => {
      await app.click("failure-correct");
      const description = await firstPresent(app, ["correct-description", "ff-description"]);
      await app.fill(description, "Connector housing cracked on 3 of 80 samples; hairline crack at the latch (corrected)");
      await app.fill("correct-reason", "Inspector added where the crack is");
    });

    await app.step("failure-corrected", async () => {
      await app.click("correct-submit");
      await app.waitForCount("history-entry", entriesBefore + 1);
    });

    await app.step("chinese", async () => {
      await app.click("user-menu");
      await app.click("lang-zh-CN");
      await app.waitForText("page-title", /[\u4e00-\u9fff]/);
    });
  } finally {
    await app.stop();
  }
});

/**
 * Attaches a file to an <input type=file> (hidden behind a button) by sending its absolute path,
 * which WebDriver turns into the input's file list, then waits until the form shows it uploaded.
 */
async function attachFile(app, id, file) {
  const input = await app.waitForExist(id);
  await input.addValue(file);
  // The form uploads the file at once and lists it; the input itself is cleared for the next pick.
  await app.waitForCount("ff-attachment", 1, { atLeast: true });
}

/** The first of these test ids that is displayed (for forms that may reuse field ids). */
async function firstPresent(app, ids) {
  let found = null;
  await app.browser.waitUntil(
    async () => {
      for (const id of ids) {
        if (await app.byTestId(id).isDisplayed()) {
          found = id;
          return true;
        }
      }
      return false;
    },
    { timeout: TIMEOUT_MS, interval: 200, timeoutMsg: `none of ${ids.map((id) => `data-testid="${id}"`).join(", ")} appeared` },
  );
  return found;
}
