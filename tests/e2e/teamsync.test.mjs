// Team sync in the desktop app, end to end: the test starts a real `lotline server`; the app
// joins the team on Settings → Team sync; a second desk (the `lotline` CLI) joins too, saves a
// vendor and takes a username first; the app's background sync brings the vendor and the
// refusal of its own later user with the same name, which the Team sync page lists with its
// reason, and the conflicts inbox lists it until it is dismissed. With the server stopped the
// shell says the desk is offline. The pages are photographed in English, Dutch and Chinese.
// Last, a new desk joins from the first-start screen.

import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { test } from "node:test";
import { SLOW_MS, setUpDesk } from "./flows.mjs";
import { REPO_ROOT, startApp, TIMEOUT_MS } from "./harness.mjs";

const ADMIN = { username: "qa.admin", name: "QA Admin", password: "e2e-Secret-2026!" };
const EXE = process.platform === "win32" ? ".exe" : "";
/** Background syncs run a few seconds after a write and every minute: give them two. */
const SYNC_MS = 130_000;

/** The `lotline` CLI (built by `cargo test` or `cargo build -p lotline-cli`); LOTLINE_CLI overrides. */
function cliPath() {
  const cli = path.resolve(REPO_ROOT, process.env.LOTLINE_CLI ?? path.join("target", "debug", `lotline${EXE}`));
  if (!fs.existsSync(cli)) {
    throw new Error(`the lotline CLI is not built: ${cli} is missing. Build it with \`cargo build -p lotline-cli\`.`);
  }
  return cli;
}

function cli(args, env = {}) {
  return execFileSync(cliPath(), args, { env: { ...process.env, ...env }, encoding: "utf8" }).trim();
}

/** `lotline server` on loopback; resolves once it says where it listens. */
function startServer(dir, listen = "127.0.0.1:0") {
  const child = spawn(cliPath(), ["server", "--data", dir, "--listen", listen], { stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout });
    lines.once("line", (line) => {
      const addr = JSON.parse(line).listening;
      resolve({ child, addr, url: `http://${addr}`, stop: () => child.kill("SIGKILL") });
    });
    child.once("exit", (code) => reject(new Error(`lotline server exited (${code}): ${stderr}`)));
  });
}

test("team sync: the app joins a real server, syncs in the background, shows refusals and offline", { timeout: 15 * 60_000 }, async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "lotline-e2e-team-"));
  const serverDir = path.join(root, "server");
  const deskB = path.join(root, "desk-b");
  const enrollCode = () => cli(["server", "--data", serverDir, "enroll-code"]);
  const asAdmin = { LOTLINE_PASSWORD: ADMIN.password };
  let server = await startServer(serverDir);
  const app = await startApp();
  try {
    await setUpDesk(app, { admin: ADMIN, demo: false });

    await app.step("team-sync-on-its-own", async () => {
      await app.click("nav-team-sync");
      await app.waitFor("team-on-its-own");
    });

    await app.step("team-sync-enrolled", async () => {
      await app.fill("team-server", server.url);
      await app.fill("team-code", enrollCode());
      await app.click("team-enrol");
      await app.waitForText("team-desk-code", "AMS1A", SLOW_MS);
      await app.waitForText("team-pending", "0");
      await waitForSyncState(app, "synced");
    });

    // A second desk joins, receives the team's data and, as the administrator signed in through
    // the server, saves a vendor and takes the username "bob" first. "Sync now" in the app just
    // before restarts its background minute, so the app has not seen bob when it adds its own.
    await app.step("second-desk-works", async () => {
      await app.click("team-sync-now");
      await app.waitForText("team-pending", "0");
      cli(["--data", deskB, "sync", "enroll", "--server", server.url, "--code", enrollCode(), "--site", "AMS1"]);
      cli(["--data", deskB, "sync"]);
      const vendor = { code: "E2EV", name: "Vendor from desk B", country: "NL", contact_name: null, email: null, phone: null, language: "nl" };
      cli(["--data", deskB, "--user", ADMIN.username, "call", "save_vendor", JSON.stringify(vendor)], asAdmin);
      const bob = { username: "bob", display_name: "Bob on desk B", password: "password-123", roles: ["finance"], language: "en" };
      cli(["--data", deskB, "--user", ADMIN.username, "call", "create_user", JSON.stringify(bob)], asAdmin);
      const report = JSON.parse(cli(["--data", deskB, "--json", "sync"]));
      assert.deepEqual(report.rejected, []);
    });

    await app.step("app-adds-bob-too", async () => {
      await app.click("nav-users");
      await app.click("users-new");
      await app.fill("user-username", "bob");
      await app.fill("user-name", "Bob on the app's desk");
      await app.fill("user-password", "password-123");
      await app.fill("user-password2", "password-123");
      const logistics = await app.browser.$('input[value="logistics"]');
      await app.browser.execute((el) => el.click(), logistics);
      await app.click("user-save");
      await app.waitForCount("user-row", 2, { atLeast: true });
    });

    await app.step("vendor-from-other-desk", async () => {
      await app.click("nav-vendors");
      await app.browser.waitUntil(async () => (await app.browser.$('[data-testid="vendors-row"][data-key="E2EV"]').isExisting()), {
        timeout: SYNC_MS,
        interval: 500,
        timeoutMsg: "desk B's vendor should reach the app through its background sync",
      });
    });

    await app.step("team-sync-refused-en", async () => {
      await app.click("nav-team-sync");
      await app.waitForText("team-refused-count", "1", SYNC_MS);
      await app.waitForText("refused-reason", "The team already has a user called bob");
    });

    await app.step("team-sync-refused-nl", async () => {
      await app.click("user-menu");
      await app.click("lang-nl");
      await app.waitForText("page-title", "Teamsynchronisatie");
      await app.waitForText("refused-reason", "Het team heeft al een gebruiker met de naam bob");
    });

    // The refusal waits in the conflicts inbox too, until someone reads it and dismisses it.
    await app.step("conflicts-inbox-nl", async () => {
      await app.click("nav-conflicts");
      await app.waitForText("refused-card-reason", "Het team heeft al een gebruiker met de naam bob");
    });

    await app.step("conflicts-dismissed-nl", async () => {
      await app.click("refused-dismiss");
      await app.waitFor("conflicts-empty");
      await app.click("nav-team-sync");
      await app.waitForText("page-title", "Teamsynchronisatie");
    });

    // The server goes away: the next sync says the desk is offline, and since when.
    server.stop();
    await app.step("team-sync-offline-zh", async () => {
      await app.click("user-menu");
      await app.click("lang-zh-CN");
      await app.waitForText("page-title", "团队同步");
      await app.click("team-sync-now");
      await waitForSyncState(app, "offline");
      await waitForContent(app, "team-state", "离线");
      await app.waitFor("team-error");
    });

    // Back on the same address, "Sync now" clears the error.
    server = await startServer(serverDir, server.addr);
    await app.step("team-sync-back-zh", async () => {
      await app.click("team-sync-now");
      await waitForSyncState(app, "synced");
      await waitForContent(app, "team-state", "已同步");
      assert.equal(await app.byTestId("team-error").isExisting(), false);
    });
  } finally {
    await app.stop();
  }

  // A new desk joins from the first-start screen, giving its site, receives the team's data and
  // lets the team's administrator sign in.
  const fresh = await startApp();
  try {
    await fresh.step("join-team-form", async () => {
      await fresh.click("setup-join-team");
      await fresh.fill("team-server", server.url);
      await fresh.fill("team-code", enrollCode());
      await fresh.fill("team-site", "AMS1");
    });
    await fresh.step("join-team-signin", async () => {
      await fresh.click("team-enrol");
      await fresh.waitFor("signin-username", SLOW_MS);
    });
    await fresh.step("join-team-signed-in", async () => {
      await fresh.fill("signin-username", ADMIN.username);
      await fresh.fill("signin-password", ADMIN.password);
      await fresh.click("signin-submit");
      await fresh.click("nav-team-sync", SLOW_MS);
      await fresh.waitForText("team-desk-code", "AMS1C");
    });
  } finally {
    await fresh.stop();
    server.stop();
    fs.rmSync(root, { recursive: true, force: true });
  }
});

/** Waits until the shell's sync indicator is in `state` (synced, waiting, offline, error). */
async function waitForSyncState(app, state, timeout = SYNC_MS) {
  const read = () => app.browser.execute(() => document.querySelector('[data-testid="sync-indicator"]')?.dataset.state ?? null);
  let seen = null;
  await app.browser.waitUntil(
    async () => {
      seen = await read();
      return seen === state;
    },
    { timeout, interval: 250, timeoutMsg: `the sync indicator should say "${state}"; it says "${seen}"` },
  );
}

/**
 * Waits until the text content of `data-testid="id"` contains `expected`. For Mantine badges and
 * buttons, whose labels WebKitWebDriver reads as empty (they clip their overflow).
 */
async function waitForContent(app, id, expected, timeout = TIMEOUT_MS) {
  const read = () => app.browser.execute((testId) => document.querySelector(`[data-testid="${testId}"]`)?.textContent ?? null, id);
  let seen = null;
  await app.browser.waitUntil(
    async () => {
      seen = await read();
      return seen?.includes(expected) ?? false;
    },
    { timeout, interval: 250, timeoutMsg: `data-testid="${id}" should show ${expected}; it shows "${seen}"` },
  );
}
