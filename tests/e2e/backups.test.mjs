// Settings → Backups end to end, and one Lotline per data folder: a desk made with the `lotline`
// CLI is opened by the app, which makes the day's backup at start. While the app runs, the CLI is
// refused the folder and `lotline backup` still reads beside it. The administrator makes a backup
// now and opens the restore steps, which give the command with the app closed.

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

test("the app backs up its folder, holds it alone, and guides a restore", async () => {
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
    await app.step("a restore is guided through the command", async () => {
      await app.click("backup-restore");
      await app.waitForText("backup-restore-command", /lotline restore ".*backups.*" --data ".*" --replace/);
      await app.screenshot("backups-restore");
    });
  } finally {
    await app.stop();
    delete process.env.LOTLINE_AUDIT_KEY_DIR;
  }
  const backups = fs.readdirSync(path.join(dataDir, "backups")).sort();
  assert.equal(backups.length, 2, backups.join(", "));
  assert.ok(backups.some((b) => b.endsWith("-daily.backup.tar")) && backups.some((b) => b.endsWith("-manual.backup.tar")));
  fs.rmSync(root, { recursive: true, force: true });
});
