// Settings → Site time and holidays, in Dutch: a desk made by the CLI without a time zone reads
// the computer's, and the app asks the administrator to confirm it on every page. The
// administrator chooses Asia/Shanghai, adds a holiday and saves; the banner goes.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { REPO_ROOT, startApp } from "./harness.mjs";

const EXE = process.platform === "win32" ? ".exe" : "";
const ADMIN_PASSWORD = "e2e-SiteTime-2026!";
const CLI = path.resolve(REPO_ROOT, process.env.LOTLINE_CLI ?? path.join("target", "debug", `lotline${EXE}`));

function cli(args) {
  assert.ok(fs.existsSync(CLI), `the lotline CLI is not built: ${CLI}`);
  return execFileSync(CLI, args, { env: { ...process.env, LOTLINE_PASSWORD: ADMIN_PASSWORD }, encoding: "utf8" }).trim();
}

test("an administrator confirms the site's time zone and keeps its holidays, in Dutch", async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "lotline-sitetime-"));
  const dataDir = path.join(root, "data");
  process.env.LOTLINE_AUDIT_KEY_DIR = path.join(root, "keys");
  cli(["--data", dataDir, "init", "--company", "Tijd BV", "--site", "SZX", "--currency", "EUR", "--admin", "admin", "--language", "nl"]);
  const app = await startApp({ dataDir });
  try {
    await app.step("sign in", async () => {
      await app.fill("signin-username", "admin");
      await app.fill("signin-password", ADMIN_PASSWORD);
      await app.click("signin-submit");
      await app.waitFor("nav-failures");
    });
    await app.step("the banner asks to confirm the computer's zone", async () => {
      await app.waitForText("site-time-banner", /overgenomen/);
    });
    await app.step("choose Asia/Shanghai and add a holiday", async () => {
      await app.click("nav-site-time");
      const zone = await app.waitFor("site-time-zone");
      await zone.click();
      // A controlled input: clearValue() leaves React's value, so select it and delete it.
      await app.browser.keys(["Control", "a"]);
      await app.browser.keys(["Backspace"]);
      await zone.addValue("Shanghai");
      let pick = null;
      await app.browser.waitUntil(
        async () => {
          for (const option of await app.browser.$$('[role="option"]')) {
            if ((await option.isDisplayed()) && (await option.getText()) === "Asia/Shanghai") pick = option;
          }
          return pick !== null;
        },
        { timeout: 10_000, interval: 200, timeoutMsg: "no Asia/Shanghai option" },
      );
      await pick.click();
      await app.click("site-time-add-holiday");
      await app.fill("site-time-holiday-date", "01-10-2026");
      await app.fill("site-time-holiday-name", "Nationale feestdag");
      await app.click("site-time-save");
      await app.browser.waitUntil(async () => (await app.browser.$$('[data-testid="site-time-banner"]')).length === 0, {
        timeout: 10_000,
        timeoutMsg: "the banner should go once the zone is confirmed",
      });
      assert.equal(await (await app.waitFor("site-time-zone")).getValue(), "Asia/Shanghai");
      await app.screenshot("site-time-nl");
    });
  } finally {
    await app.stop();
  }
  // The desk's own key (the same key folder) lets the CLI read what the app saved.
  const out = JSON.parse(cli(["--data", dataDir, "--user", "admin", "--json", "call", "get_site_calendar", "{}"]));
  delete process.env.LOTLINE_AUDIT_KEY_DIR;
  assert.equal(out.calendar.time_zone, "Asia/Shanghai");
  assert.deepEqual(out.calendar.holidays, [{ date: "2026-10-01", name: "Nationale feestdag" }]);
  assert.equal(out.confirmed, true);
  fs.rmSync(root, { recursive: true, force: true });
});
