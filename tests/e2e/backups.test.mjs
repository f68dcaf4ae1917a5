// Settings → Backups end to end, and one Lotline per data folder: a desk made with the `lotline`
// CLI is opened by the app, which makes the day's backup at start. While the app runs, the CLI is
// refused the folder and `lotline backup` still reads beside it. The administrator makes a backup
// now, changes a setting, and restores the backup from the app: it checks the backup, restarts,
// and the next start puts the backup in place before it opens the folder, keeping the old one
// aside; Settings → Backups then says so, and the setting is as the backup had it.

import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { REPO_ROOT, startApp } from "./harness.mjs";

const EXE = process.platform === "win32" ? ".exe" : "";
const ADMIN_PASSWORD = "e2e-Backups-2026!";
const CLI = path.resolve(REPO_ROOT, process.env.LOTLINE_CLI ?? path.join("target", "debug", `lotline${EXE}`));

function cli(args) {
  assert.ok(fs.existsSync(CLI), `the lotline CLI is not built: ${CLI}`);
  return execFileSync(CLI, args, { env: { ...process.env, LOTLINE_PASSWORD: ADMIN_PASSWORD }, encoding: "utf8" }).trim();
}

/** Waits for `file` to appear (written by the app the restart started, outside WebDriver). */
async function waitForFile(file, timeoutMs) {
  for (let waited = 0; waited < timeoutMs; waited += 250) {
    if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, "utf8"));
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${file} did not appear within ${timeoutMs / 1000} s`);
}

test("the app backs up its folder, holds it alone, and restores a backup across a restart", async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "lotline-backups-"));
  const dataDir = path.join(root, "data");
  process.env.LOTLINE_AUDIT_KEY_DIR = path.join(root, "keys");
  cli(["--data", dataDir, "init", "--company", "Backup BV", "--site", "AMS1", "--currency", "EUR", "--admin", "admin"]);
  const app = await startApp({ dataDir });
  try {
    await app.step("sign in", async () => {
      await app.fill("signin-username", "admin");
      await app.fill("signin-password", ADMIN_PASSWORD);
      await app.click("signin-submit");
      await app.waitFor("nav-failures");
    });
    await app.step("the CLI is refused the folder the app holds; a backup reads beside it", async () => {
      const refused = spawnSync(CLI, ["--data", dataDir, "--user", "admin", "check"], {
        env: { ...process.env, LOTLINE_PASSWORD: ADMIN_PASSWORD },
        encoding: "utf8",
      });
      assert.equal(refused.status, 1);
      assert.match(refused.stderr, /in use by another Lotline/);
      const manifest = JSON.parse(cli(["--data", dataDir, "--json", "backup", "--out", path.join(root, "beside.tar")]));
      assert.equal(manifest.kind, "lotline-desk-backup");
    });
    await app.step("the day's backup is listed; one made now joins it", async () => {
      await app.click("nav-backups");
      await app.waitForCount("backup-row", 1);
      await app.click("backups-make");
      await app.waitForCount("backup-row", 2);
      await app.screenshot("backups");
    });
    await app.step("a restore is checked, then done by the next start", async () => {
      await app.fill("backups-kept", "20");
      await app.click("backups-kept-save");
      await app.click("backup-restore"); // the newest: the one made now, with 14 kept
      await app.waitForText("backup-restore-command", /lotline restore ".*backups.*" --data ".*" --replace/);
      await app.screenshot("backups-restore");
      // The app ends as it restarts, and the WebDriver session with it.
      await app.click("backup-restore-confirm").catch(() => {});
      const last = await waitForFile(path.join(dataDir, "last-restore.json"), 120_000);
      assert.equal(last.refused, null, JSON.stringify(last));
      assert.ok(fs.existsSync(last.moved_aside), `the old folder is kept: ${last.moved_aside}`);
      assert.ok(!fs.existsSync(path.join(dataDir, "restore-pending.json")));
    });
  } finally {
    // Also ends the copy the restart started (it is in the driver's process group).
    await app.stop();
  }
  const again = await startApp({ dataDir });
  try {
    await again.step("after the restart: the notice, and the setting as the backup had it", async () => {
      await again.fill("signin-username", "admin");
      await again.fill("signin-password", ADMIN_PASSWORD);
      await again.click("signin-submit");
      await again.click("nav-backups");
      await again.waitForText("backups-last-restore", /restored the backup taken/);
      const kept = await again.waitFor("backups-kept");
      assert.equal(await kept.getValue(), "14");
      await again.waitForCount("backup-row", 2);
      await again.screenshot("backups-restored");
    });
  } finally {
    await again.stop();
    delete process.env.LOTLINE_AUDIT_KEY_DIR;
  }
  const backups = fs.readdirSync(path.join(dataDir, "backups")).sort();
  assert.equal(backups.length, 2, backups.join(", "));
  assert.ok(backups.some((b) => b.endsWith("-daily.backup.tar")) && backups.some((b) => b.endsWith("-manual.backup.tar")));
  fs.rmSync(root, { recursive: true, force: true });
});
