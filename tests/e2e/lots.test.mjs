// Lots and recalls. The quality lead (Chinese UI) scans a supplier lot into the search box, sees
// its trace graph reach the lots repacked from it, starts a recall from its recall scope: every
// lot in scope with stock goes on hold at once. She checks a repacked lot is held, prints its
// label, marks a customer as told and exports the customer list.
//
// Demo data (crates/app/src/demo/lots.rs): supplier lot SZ-2611-A was repacked into AMS-CHG-0001
// (shipped to two customers, stock left in MAIN) and AMS-CHG-0002 (shipped to one customer,
// stock left); SZ-2611-A itself has nothing left after the repacks.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { SLOW_MS, setUpDesk, signInAs, waitForStatus } from "./flows.mjs";
import { startApp, TIMEOUT_MS } from "./harness.mjs";

const ADMIN = { username: "lots.admin", name: "Lots Admin", password: "e2e-Secret-2026!" };
const QUALITY_LEAD = "li.wei";
const LOGISTICS = "jan.devries";
const SUPPLIER_LOT = "SZ-2611-A";
const REPACKED = ["AMS-CHG-0001", "AMS-CHG-0002"];
const RECALL_NO = /^RC-[A-Z0-9]+-\d{6}$/;

/** Types (or "scans": text then Enter) a code into the global search and waits for the lot page. */
async function scanLot(app, code) {
  await app.fill("global-search", code);
  await app.browser.keys(["Enter"]);
  // One hit opens at once; several show a list to pick from.
  await app.browser.waitUntil(
    () =>
      app.browser.execute(
        (lot) =>
          document.querySelector('[data-testid="lot-code"]')?.textContent === lot ||
          [...document.querySelectorAll('[data-testid="search-hit"]')].some((h) => h.textContent.includes(lot)),
        code,
      ),
    { timeout: TIMEOUT_MS, interval: 200, timeoutMsg: `scanning ${code} opened neither the lot nor a list of hits` },
  );
  await app.browser.execute((lot) => {
    if (document.querySelector('[data-testid="lot-code"]')?.textContent === lot) return;
    const hits = [...document.querySelectorAll('[data-testid="search-hit"]')];
    (hits.find((h) => h.textContent.trim().endsWith(lot)) ?? hits.find((h) => h.textContent.includes(lot)))?.click();
  }, code);
  await app.waitForText("lot-code", code);
}

/** The number a data-testid shows (digits only, whatever the language around them). */
async function numberOf(app, id) {
  const text = await app.waitForText(id, /\d/);
  return Number(text.replace(/[^\d]/g, ""));
}

test("lots: scan a lot, trace it, recall it, hold the stock and export the customers", { timeout: 10 * 60_000 }, async () => {
  const app = await startApp();
  try {
    await setUpDesk(app, { admin: ADMIN });

    await app.step("lots-scan-supplier-lot", async () => {
      await signInAs(app, QUALITY_LEAD);
      await scanLot(app, SUPPLIER_LOT);
      // li.wei reads the app in Chinese: the title is not English.
      const title = await app.waitForText("page-title", SUPPLIER_LOT);
      assert.ok(!title.startsWith("Lot "), `li.wei sees the Chinese UI: "${title}"`);
    });

    await app.step("lots-trace-graph-forward", async () => {
      await app.waitFor("trace-graph");
      for (const lot of REPACKED) await app.waitFor(`trace-node-${lot}`);
      const nodes = await app.browser.execute(() =>
        [...document.querySelectorAll('[data-testid="trace-node"]')].map((n) => n.dataset.lot).sort(),
      );
      assert.deepEqual(nodes, [SUPPLIER_LOT, ...REPACKED].sort(), "the graph shows the lot and the two lots repacked from it");
      // The trace sits below the lot's facts: bring the graph into the screenshot.
      await app.browser.execute(() => document.querySelector('[data-testid="trace-graph"]')?.scrollIntoView({ block: "center" }));
    });

    const scope = await app.step("lots-recall-scope", async () => {
      await app.click("lot-recall-scope");
      await app.waitForText("recall-lots", "3");
      const inStock = await numberOf(app, "recall-in-stock-lots");
      const stockLots = await app.browser.execute(() =>
        [...document.querySelectorAll('[data-testid="recall-in-stock"] tbody tr')].map((r) => r.querySelector("td")?.textContent.trim()),
      );
      assert.equal(stockLots.length, inStock, `the scope lists its ${inStock} lots in stock: ${stockLots}`);
      for (const lot of REPACKED) assert.ok(stockLots.includes(lot), `${lot} has stock left: ${stockLots}`);
      await app.waitForCount("customer-row", 1, { atLeast: true });
      const customers = await app.browser.execute(() =>
        [...document.querySelectorAll('[data-testid="recall-scope"] [data-testid="customer-row"]')].map((r) => ({
          code: r.dataset.customer,
          name: r.querySelector("td")?.childNodes[0]?.textContent.trim(),
        })),
      );
      assert.equal(customers.length, 3, `three customers received the repacked lots: ${JSON.stringify(customers)}`);
      await app.waitFor("recall-start");
      return { inStock, stockLots, customers };
    });

    const recallNo = await app.step("lots-recall-started", async () => {
      // The reason is required: starting without one says so next to the field.
      await app.click("recall-start");
      await app.browser.waitUntil(
        () => app.browser.execute(() => document.querySelector('[data-testid="recall-reason"]')?.getAttribute("aria-invalid") === "true"),
        { timeout: 5_000, timeoutMsg: "an empty reason should be flagged next to the field" },
      );
      await app.fill("recall-reason", "Supplier reports overheating coils in batch HQ-26-1101");
      await app.click("recall-start");
      const number = await app.waitForText("recall-number", RECALL_NO, SLOW_MS);
      await waitForStatus(app, "recall-status", "open");
      await app.waitForText("recall-lots-in-scope", "3");
      assert.equal(await numberOf(app, "recall-held"), scope.inStock, "the recall held every lot in scope with stock");
      assert.equal(await numberOf(app, "recall-still-held"), scope.inStock, "all those holds are still in force");
      await app.waitForCount("recall-customer", scope.customers.length);
      const names = await app.browser.execute(() =>
        [...document.querySelectorAll('[data-testid="recall-customer"]')].map((r) => r.textContent),
      );
      for (const c of scope.customers) assert.ok(names.some((n) => n.includes(c.name)), `${c.name} is on the recall`);
      await app.waitFor(`recall-lot-${SUPPLIER_LOT}`);
      const kinds = await app.browser.execute(() =>
        [...document.querySelectorAll('[data-testid="history-entry"]')].map((e) => e.dataset.kind),
      );
      assert.ok(kinds.includes("recall_started"), `the history shows the start: ${kinds}`);
      return number;
    });

    await app.step("lots-repacked-lot-held", async () => {
      await scanLot(app, REPACKED[0]);
      const status = await app.browser.execute(() => document.querySelector('[data-testid="lot-status"]')?.dataset.status);
      assert.ok(["recalled", "on_hold"].includes(status), `${REPACKED[0]} is recalled or on hold; it is "${status}"`);
      await app.waitFor("lot-hold-badge");
      await app.waitFor("lot-release");
    });

    await app.step("lots-label-saved-as-pdf", async () => {
      await app.click("lot-label-save");
      const file = path.join(app.saveDir, `lot-label-${REPACKED[0]}.pdf`);
      let shown = [];
      await app.browser.waitUntil(
        async () => {
          // A failure shows as a notification: keep what it said for the message below.
          shown = await app.browser.execute(() =>
            [...document.querySelectorAll(".mantine-Notification-root")].map((n) => n.textContent),
          );
          return fs.existsSync(file) && fs.statSync(file).size > 0;
        },
        {
          timeout: SLOW_MS,
          interval: 250,
          timeoutMsg: `the lot label was not saved as ${file}; notifications: ${JSON.stringify(shown)}`,
        },
      );
      execFileSync("qpdf", ["--check", file]);
      const text = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" });
      assert.ok(text.includes(REPACKED[0]), `the label shows ${REPACKED[0]}:\n${text}`);
    });

    await app.step("lots-recall-in-list-customer-notified", async () => {
      await app.click("nav-recalls");
      await app.browser.waitUntil(
        () => app.browser.execute((no) => Boolean(document.querySelector(`[data-testid="recall-row"][data-no="${no}"]`)), recallNo),
        { timeout: TIMEOUT_MS, interval: 250, timeoutMsg: `${recallNo} is not in the recalls list` },
      );
      await app.screenshot("lots-recalls-list");
      await app.browser.execute((no) => document.querySelector(`[data-testid="recall-row"][data-no="${no}"]`).click(), recallNo);
      await app.waitForText("recall-number", recallNo);
      const first = scope.customers[0].code;
      await app.click(`recall-notify-${first}`);
      await app.waitFor(`recall-notified-${first}`);
      await app.waitForText("recall-notified", new RegExp(`1\\D+${scope.customers.length}`));
    });

    await app.step("lots-recall-customers-exported", async () => {
      // What the export writes: the backend's CSV of the recall's customers.
      const out = await app.browser.executeAsync((no, done) => {
        window.__TAURI_INTERNALS__
          .invoke("call", { act: "recall_customers_csv", input: { recall_no: no } })
          .then(done, (err) => done({ error: JSON.stringify(err) }));
      }, recallNo);
      assert.equal(out.error, undefined, `recall_customers_csv failed: ${out.error}`);
      assert.equal(out.file_name, `${recallNo}-customers.csv`);
      for (const c of scope.customers) {
        assert.ok(out.csv.includes(c.name), `the CSV names ${c.name}:\n${out.csv}`);
        assert.ok(out.csv.includes(c.code), `the CSV has ${c.code}:\n${out.csv}`);
      }
      // The button saves it through the host, which writes into LOTLINE_SAVE_DIR when it is set.
      await app.click("recall-export-customers");
      const file = path.join(app.saveDir, out.file_name);
      await app.browser.waitUntil(() => fs.existsSync(file) && fs.statSync(file).size > 0, {
        timeout: 15_000,
        interval: 250,
        timeoutMsg:
          `the customer list was not saved as ${file}: the host's save_text_file must write into ` +
          "LOTLINE_SAVE_DIR when it is set (as save_binary_file does), or it waits on a save dialog nobody can answer",
      });
      const csv = fs.readFileSync(file, "utf8");
      for (const c of scope.customers) assert.ok(csv.includes(c.name), `the saved CSV names ${c.name}:\n${csv}`);
    });

    await app.step("lots-recall-closed", async () => {
      await app.click("recall-close");
      await app.fill("recall-close-note", "All customers told; held stock goes back to the supplier");
      await app.click("recall-close-submit");
      await waitForStatus(app, "recall-status", "closed");
      await app.waitForText("recall-close-note-text", "back to the supplier");
      // Closing records the end; the holds stay until released lot by lot.
      assert.equal(await numberOf(app, "recall-still-held"), scope.inStock, "the holds outlive the recall");
      const kinds = await app.browser.execute(() =>
        [...document.querySelectorAll('[data-testid="history-entry"]')].map((e) => e.dataset.kind),
      );
      assert.ok(kinds.includes("recall_closed"), `the history shows the closing: ${kinds}`);
    });
  } finally {
    await app.stop();
  }
});

test("lots: logistics puts a lot on hold, only the quality lead releases it; quarantine and serials", { timeout: 10 * 60_000 }, async () => {
  const app = await startApp();
  const lot = "HZ-GLU-2609";
  try {
    await setUpDesk(app, { admin: ADMIN });

    await app.step("lots-logistics-holds-lot", async () => {
      await signInAs(app, LOGISTICS);
      await scanLot(app, lot);
      await waitForStatus(app, "lot-status", "available");
      assert.equal(await app.byTestId("lot-release").isExisting(), false, "logistics may not release holds");
      await app.click("lot-hold");
      // The reason is required.
      await app.click("lot-hold-submit");
      await app.browser.waitUntil(
        () => app.browser.execute(() => document.querySelector('[data-testid="lot-hold-reason"]')?.getAttribute("aria-invalid") === "true"),
        { timeout: 5_000, timeoutMsg: "an empty hold reason should be flagged next to the field" },
      );
      await app.fill("lot-hold-reason", "Cartridges found leaking at the packing bench");
      await app.click("lot-hold-submit");
      await waitForStatus(app, "lot-status", "on_hold");
      await app.waitFor("lot-hold-badge");
      await app.waitForText("lot-holds", "leaking");
      assert.equal(await app.byTestId("lot-release").isExisting(), false, "still no release for logistics");
    });

    await app.step("lots-quality-lead-releases-hold", async () => {
      await signInAs(app, QUALITY_LEAD);
      await scanLot(app, lot);
      await app.click("lot-release");
      await app.fill("lot-release-note", "Leak test passed on 20 samples");
      await app.click("lot-release-submit");
      await waitForStatus(app, "lot-status", "released");
      await app.browser.waitUntil(async () => !(await app.byTestId("lot-hold-badge").isExisting()), {
        timeout: TIMEOUT_MS,
        timeoutMsg: "the hold badge should go once the hold is released",
      });
      assert.equal(await app.byTestId("lot-release").isExisting(), false, "nothing left to release");
    });

    await app.step("lots-quarantine-and-serials", async () => {
      // The expired glue lot was set apart: a quarantine, shown as such.
      await scanLot(app, "HZ-GLU-2510");
      await waitForStatus(app, "lot-status", "quarantined");
      await app.waitFor("lot-hold-quarantine-badge");
      // A unit's serial scanned on its own opens its lot, which lists the serials recorded.
      await app.fill("global-search", "WL15-2611-0003");
      await app.browser.keys(["Enter"]);
      await app.waitForText("lot-code", "AMS-CHG-0003");
      const serials = () =>
        app.browser.execute(() => [...document.querySelectorAll('[data-testid="lot-serial"]')].map((e) => e.textContent));
      await app.browser.waitUntil(async () => (await serials()).includes("WL15-2611-0024"), {
        timeout: TIMEOUT_MS,
        interval: 200,
        timeoutMsg: "the lot should list its 24 demo serials",
      });
      await app.click("lot-record-serials");
      // As a scanner types them: each serial ended by Enter.
      const scanSerials = async (codes) => {
        await app.fill("lot-serials-text", codes[0]);
        for (const code of codes.slice(1)) {
          await app.browser.keys(["Enter"]);
          await app.byTestId("lot-serials-text").addValue(code);
        }
      };
      await scanSerials(["WL15-2611-0025", "WL15-2611-0003"]);
      await app.click("lot-serials-submit");
      // The serial already recorded is refused by name, and nothing is written.
      await app.waitForText("lot-serials-error", "WL15-2611-0003");
      await scanSerials(["WL15-2611-0025", "WL15-2611-0026"]);
      await app.click("lot-serials-submit");
      await app.browser.waitUntil(async () => (await serials()).length === 26, {
        timeout: TIMEOUT_MS,
        interval: 200,
        timeoutMsg: "the lot should list 26 serials after recording two",
      });
      await app.browser.execute(() => document.querySelector('[data-testid="lot-serials"]').scrollIntoView({ block: "center" }));
      await app.screenshot("lots-serials");
    });
  } finally {
    await app.stop();
  }
});
