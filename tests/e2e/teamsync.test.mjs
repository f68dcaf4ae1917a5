// Team sync in the desktop app, end to end: the test starts a real `lotline server`; the app
// joins the team on Settings → Team sync (through a loopback relay the test can cut, so the app
// alone goes offline); a second desk (the `lotline` CLI) joins too, saves a vendor and takes a
// username first; the app's background sync brings the vendor and the refusal of its own later
// user with the same name, which the Team sync page lists with its reason, and the conflicts
// inbox lists it until it is dismissed. The app logs a failure that the CLI desk then sees; the
// CLI desk settles an RMA that the app, offline, settles too: after sync the refusal waits in the
// app's conflicts inbox until the person resolves it. The administrator sees the team's desks
// and users, gives their password again for the server's session, and issues the code a new
// desk joins with from the first-start screen; desk B is revoked. With the server stopped the
// shell says the desk is offline. The pages are photographed in English, Dutch and Chinese.

import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { test } from "node:test";
import { chooseSeverity, chooseSku, SLOW_MS, setUpDesk, waitForStatus } from "./flows.mjs";
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

/**
 * A loopback relay to the server for the app alone: `cut()` drops its connections and refuses
 * new ones (the app is offline while the CLI desk still reaches the server), `mend()` listens
 * again on the same port.
 */
async function startRelay(target) {
  const [host, port] = target.split(":");
  const sockets = new Set();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(port), host);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
      socket.on("error", () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream);
    upstream.pipe(client);
  });
  const listen = (onPort) => new Promise((resolve) => server.listen(onPort, "127.0.0.1", resolve));
  await listen(0);
  const relayPort = server.address().port;
  return {
    url: `http://127.0.0.1:${relayPort}`,
    cut: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
    mend: () => listen(relayPort),
    stop: () => {
      for (const socket of sockets) socket.destroy();
      server.close();
    },
  };
}

/** A date `days` from today, `YYYY-MM-DD`. */
function day(days) {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

test("team sync: the app joins a real server, syncs in the background, shows refusals and offline", { timeout: 15 * 60_000 }, async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "lotline-e2e-team-"));
  const serverDir = path.join(root, "server");
  const deskB = path.join(root, "desk-b");
  const enrollCode = () => cli(["server", "--data", serverDir, "enroll-code"]);
  const asAdmin = { LOTLINE_PASSWORD: ADMIN.password };
  /** Issued in the app's team administration; the last desk joins with it. */
  let newDeskCode = "";
  let server = await startServer(serverDir);
  const relay = await startRelay(server.addr);
  const app = await startApp();
  try {
    await setUpDesk(app, { admin: ADMIN, demo: false });

    await app.step("team-sync-on-its-own", async () => {
      await app.click("nav-team-sync");
      await app.waitFor("team-on-its-own");
    });

    await app.step("team-sync-enrolled", async () => {
      await app.fill("team-server", relay.url);
      await app.fill("team-code", enrollCode());
      await app.click("team-enrol");
      await app.waitForText("team-desk-code", "AMS1A", SLOW_MS);
      await app.waitForText("team-pending", "0");
      await waitForSyncState(app, "synced");
    });

    // A second desk joins, receives the team's data and, as the administrator signed in through
    // the server, saves a vendor and takes the username "bob" first. The app is cut off from the
    // server meanwhile, so it has not seen bob when it adds its own, however long desk B takes.
    await app.step("second-desk-works", async () => {
      await app.click("team-sync-now");
      await app.waitForText("team-pending", "0");
      await relay.cut();
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

    // Back in touch: the background sync (retrying after its failures while cut off) brings
    // desk B's vendor and the refusal of the app's bob.
    await relay.mend();
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

    // Desk B takes a return as far as its inspection; the app receives it with the product.
    const asB = (act, input) =>
      JSON.parse(cli(["--data", deskB, "--user", ADMIN.username, "--json", "call", act, JSON.stringify(input)], asAdmin));
    const rmaNo = await app.step("desk-b-inspects-a-return", async () => {
      asB("save_product", {
        sku: "E2E-BOX", gtin: null, name: "Opbergbox E2E", category: "Opslag", unit_cost_minor: 380, currency: "EUR",
        returnable: true, lot_tracked: false, serial_tracked: false, has_expiry: false, vendor_code: "E2EV",
      });
      asB("save_customer", { code: "C-E2E", name: "Bakker BV", email: null, phone: null, address: "Damrak 1\n1012 LG Amsterdam", country: "NL" });
      asB("save_order", {
        order_no: "SO-E2E", customer_code: "C-E2E", ordered_at: `${day(-10)}T10:00:00Z`, currency: "EUR",
        lines: [{ line_no: 1, sku: "E2E-BOX", qty: 2, unit_price_minor: 1250 }],
      });
      const opened = asB("open_rma", {
        lines: [{ order_no: "SO-E2E", line_no: 1, qty: 1 }], reason_code: "no_longer_needed", preferred_outcome: "refund",
        delivered_on: day(-3), condition: { original_packaging: true, unused: true, tags_attached: true }, photo_ids: [], note: "",
      });
      const no = opened.rma_no;
      asB("rma_in_transit", { rma_no: no, carrier: "postnl", tracking_no: "3SLTRT9000077" });
      const intake = { packaging_intact: true, accessories_complete: true, serials_match: true, grade: "A", photo_ids: [], note: "" };
      asB("receive_rma", { rma_no: no, qty_received: [1], intake });
      const inspected = asB("inspect_rma", {
        rma_no: no, dispositions: [{ line_index: 0, disposition: "restock", qty: 1, recovered_minor: 1250, location: "MAIN" }],
      });
      assert.equal(inspected.status, "inspected");
      assert.deepEqual(JSON.parse(cli(["--data", deskB, "--json", "sync"])).rejected, []);
      await app.click("team-sync-now");
      await waitForSyncState(app, "synced");
      return no;
    });

    // The app logs a failure on the product desk B made; desk B sees it after its sync.
    const failureNo = await app.step("app-logs-a-failure", async () => {
      await app.click("nav-failures");
      await app.click("failures-new");
      await chooseSku(app, "E2E-BOX");
      await app.fill("ff-qty-inspected", 20);
      await app.fill("ff-qty-failed", 2);
      await app.select("ff-category", 1);
      await chooseSeverity(app, "minor");
      await app.fill("ff-description", "Lid does not close on 2 of 20 (team sync e2e)");
      await app.click("ff-submit");
      return app.waitForText("failure-number", /^QF-AMS1A-\d{6}$/, SLOW_MS);
    });

    await app.step("desk-b-sees-the-failure", async () => {
      await app.click("nav-team-sync");
      await app.click("team-sync-now");
      await app.waitForText("team-pending", "0", SLOW_MS);
      cli(["--data", deskB, "sync"]);
      const seen = asB("get_failure", { failure_no: failureNo });
      assert.equal(seen.failure_no, failureNo);
      assert.equal(seen.sku, "E2E-BOX");
    });

    // The app goes offline; desk B settles the return and syncs; the app, not knowing, asks to settle it too.
    await relay.cut();
    await app.step("desk-b-settles-the-return", async () => {
      // Bob (finance) pays it: the administrator who opened the return may not.
      const asBob = (act, input) =>
        JSON.parse(cli(["--data", deskB, "--user", "bob", "--json", "call", act, JSON.stringify(input)], { LOTLINE_PASSWORD: "password-123" }));
      const settled = asBob("settle_rma", { rma_no: rmaNo, settlement: { kind: "refund", amount_minor: 1250, restocking_fee_minor: 0 } });
      assert.equal(settled.status, "settled");
      assert.deepEqual(JSON.parse(cli(["--data", deskB, "--json", "sync"])).rejected, []);
    });

    await app.step("app-settles-it-offline-nl", async () => {
      await app.click("nav-returns");
      await app.browser.waitUntil(
        () => app.browser.execute((no) => Boolean(document.querySelector(`[data-testid="rmas-row"][data-no="${no}"]`)), rmaNo),
        { timeout: TIMEOUT_MS, interval: 250, timeoutMsg: `${rmaNo} is not in the app's returns list` },
      );
      await app.browser.execute((no) => document.querySelector(`[data-testid="rmas-row"][data-no="${no}"]`).click(), rmaNo);
      await app.waitForText("rma-number", rmaNo);
      await waitForStatus(app, "rma-status", "inspected");
      await app.click("rma-settle");
      await app.waitFor("rma-settle-amount");
      await app.click("rma-settle-submit");
      // The administrator opened the return on desk B: here the refund is only asked for.
      await app.waitFor("rma-payout");
      await waitForStatus(app, "rma-status", "inspected");
    });

    // Back online: the team refuses the app's request for the refund already paid on desk B,
    // which waits in the inbox.
    await relay.mend();
    await app.step("rma-refusal-in-inbox-nl", async () => {
      await app.click("nav-team-sync");
      await app.click("team-sync-now");
      await app.waitForText("team-refused-count", "1", SYNC_MS);
      await app.click("nav-conflicts");
      await app.waitFor("refused-card-reason");
      await waitForContent(app, "refused-card", rmaNo);
    });

    await app.step("rma-refusal-resolved-nl", async () => {
      await app.click("refused-dismiss");
      await app.waitFor("conflicts-empty");
      await app.click("nav-returns");
      await app.browser.execute((no) => document.querySelector(`[data-testid="rmas-row"][data-no="${no}"]`)?.click(), rmaNo);
      await app.waitForText("rma-number", rmaNo);
      await waitForStatus(app, "rma-status", "settled");
    });

    // The administrator signed in before the desk joined: the server asks for the password once
    // more, then shows the team's desks and users.
    await app.step("team-admin-password-en", async () => {
      await app.click("user-menu");
      await app.click("lang-en");
      await app.click("nav-team-sync");
      await app.waitForText("page-title", "Team sync");
      await app.waitFor("team-admin-renew-intro", SLOW_MS);
      await app.fill("team-admin-password", ADMIN.password);
    });

    await app.step("team-admin-desks-en", async () => {
      await app.click("team-admin-renew");
      await app.waitForCount("team-desk-row", 2, { timeout: SLOW_MS });
      await app.waitForCount("team-user-row", 1, { atLeast: true });
    });

    await app.step("team-admin-new-desk-code-en", async () => {
      await app.click("team-issue-code");
      newDeskCode = await app.waitForText("team-issued-code", /^[A-Z0-9-]{8,}$/);
    });

    await app.step("team-admin-desk-b-revoked-en", async () => {
      await app.click("team-code-done");
      await app.browser.waitUntil(async () => !(await app.byTestId("team-issued-code").isExisting()), {
        timeout: TIMEOUT_MS,
        timeoutMsg: "the code's dialog should close",
      });
      // The dialog fades out over the page: a script's click does not wait for it.
      await app.browser.execute(() =>
        document.querySelector('[data-testid="team-desk-row"][data-key="AMS1B"] [data-testid="team-desk-revoke"]').click(),
      );
      await app.click("team-desk-revoke-confirm");
      await waitForContent(app, "team-desks", "Revoked");
      assert.throws(() => cli(["--data", deskB, "sync"]), "desk B's token no longer works");
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
    relay.stop();
  }

  // A new desk joins from the first-start screen, giving its site, receives the team's data and
  // lets the team's administrator sign in.
  const fresh = await startApp();
  try {
    await fresh.step("join-team-form", async () => {
      await fresh.click("setup-join-team");
      await fresh.fill("team-server", server.url);
      await fresh.fill("team-code", newDeskCode);
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
