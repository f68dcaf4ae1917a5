// The audit log's check at start, end to end: a desk's data folder, made with the `lotline` CLI,
// is opened by the app on a computer that does not hold its checkpoint key (another key folder:
// a backup restored elsewhere). The app shows the finding before anyone signs in; an inspector is
// refused; the administrator, signed in against the verified log, records the finding and goes
// on, and the app opens. The hold page is photographed in Dutch and English.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { REPO_ROOT, startApp } from "./harness.mjs";

const EXE = process.platform === "win32" ? ".exe" : "";
const ADMIN_PASSWORD = "e2e-Audit-2026!";
const INSPECTOR_PASSWORD = "inspector-pw-2026";

function cli(args, env = {}) {
  const cli = path.resolve(REPO_ROOT, process.env.LOTLINE_CLI ?? path.join("target", "debug", `lotline${EXE}`));
  assert.ok(fs.existsSync(cli), `the lotline CLI is not built: ${cli}`);
  return execFileSync(cli, args, { env: { ...process.env, ...env }, encoding: "utf8" }).trim();
}

test("a desk opened without its checkpoint key is held until its administrator goes on", async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "lotline-audit-"));
  const dataDir = path.join(root, "data");
  const first = { LOTLINE_AUDIT_KEY_DIR: path.join(root, "keys-first-computer"), LOTLINE_PASSWORD: ADMIN_PASSWORD };
  cli(["--data", dataDir, "init", "--company", "Audit BV", "--site", "AMS1", "--currency", "EUR", "--admin", "admin", "--language", "nl"], first);
  const inspector = JSON.stringify({
    username: "ines",
    display_name: "Ines Inspector",
    password: INSPECTOR_PASSWORD,
    roles: ["inspector"],
    language: "nl",
  });
  cli(["--data", dataDir, "--user", "admin", "call", "create_user", inspector], first);

  // The app on this computer has another key folder: the log's key is not here.
  process.env.LOTLINE_AUDIT_KEY_DIR = path.join(root, "keys-this-computer");
  const app = await startApp({ dataDir });
  try {
    await app.step("the finding is shown before anyone signs in", async () => {
      await app.waitFor("log-hold");
      await app.waitForText("log-hold-finding", /niet op deze computer|not on this computer/);
      await app.screenshot("audit-hold");
    });
    await app.step("an inspector is refused", async () => {
      await app.fill("signin-username", "ines");
      await app.fill("signin-password", INSPECTOR_PASSWORD);
      await app.click("signin-submit");
      await app.waitForText("signin-error", /beheerder|administrator/);
    });
    await app.step("the administrator records the finding and the app opens", async () => {
      await app.fill("signin-username", "admin");
      await app.fill("signin-password", ADMIN_PASSWORD);
      await app.click("signin-submit");
      await app.waitFor("log-hold-release");
      await app.screenshot("audit-hold-admin");
      await app.click("log-hold-release");
      await app.waitFor("nav-failures");
    });
  } finally {
    await app.stop();
    delete process.env.LOTLINE_AUDIT_KEY_DIR;
  }
  // The log says who went on, and the desk checks clean with its new key.
  const here = { ...first, LOTLINE_AUDIT_KEY_DIR: path.join(root, "keys-this-computer") };
  const report = JSON.parse(cli(["--data", dataDir, "--user", "admin", "--json", "check"], here));
  assert.equal(report.keyed.state, "verified");
  assert.equal(report.keyed.first_problem, null);
  assert.ok(report.keyed.other_key >= 1, "the first computer's checkpoints stay, unverifiable here");
  fs.rmSync(root, { recursive: true, force: true });
});
