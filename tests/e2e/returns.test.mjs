// Returns across desks. A simple return is approved by the rules as the analyst opens it, gets its
// prepaid label as a PDF file, travels, is received, inspected and refunded by finance (not by the
// analyst who opened it), and its credit note names both. A return
// that needs evidence is opened by logistics, waits in the analysts' queue, and an analyst
// approves it with a comment.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { checkBox, openReshipment, SLOW_MS, setUpDesk, signInAs, waitForStatus } from "./flows.mjs";
import { startApp, TIMEOUT_MS } from "./harness.mjs";

const ADMIN = { username: "rma.admin", name: "RMA Admin", password: "e2e-Secret-2026!" };
const ANALYST = "tom.jansen";
const LOGISTICS = "jan.devries";
const FINANCE = "sanne.bakker";
/** Demo orders placed 21 and 22 days ago (crates/app/src/demo): line 1 of the first is a plain
 * product, line 1 of the second a serial-tracked desk fan. */
const SIMPLE_ORDER = "SO-2026-01039";
const SERIAL_ORDER = "SO-2026-01038";
const RMA_NO = /^RMA-[A-Z0-9]+-\d{6}$/;

/** A date input takes its value from script: typing into WebKit's date field depends on the locale. */
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

/** Waits for the live check's rule outcomes (the panel is empty until it answers) and their verdict. */
async function waitForVerdict(app, result, timeoutMsg) {
  await app.browser.waitUntil(
    () =>
      app.browser.execute((expected) => {
        const panel = document.querySelector('[data-testid="rma-verdict-panel"]');
        return panel?.querySelectorAll('[data-testid="rma-rule"]').length > 0 && panel.dataset.result === expected;
      }, result),
    { timeout: TIMEOUT_MS, interval: 250, timeoutMsg },
  );
}

function daysAgo(days) {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

/** Opens the return form and fills it for line 1 of `order`; returns once the live verdict shows. */
async function fillReturn(app, { order, reason, outcome }) {
  await app.click("nav-returns");
  await app.click("rmas-new");
  await app.fill("rma-order", order);
  await checkBox(app, "rma-line-pick-1");
  await app.fill("rma-line-qty-1", 1);
  await app.select("rma-reason", reason);
  await setDate(app, "rma-delivered-on", daysAgo(19));
  if (outcome) {
    await app.browser.execute((value) => {
      const control = document.querySelector('[data-testid="rma-outcome"]');
      control.querySelector(`input[value="${value}"]`)?.click();
    }, outcome);
  }
}

/** The intake's checks and grade: nothing is assumed, the person answers each. */
async function answerIntake(app) {
  for (const check of ["rma-receive-packaging", "rma-receive-accessories", "rma-receive-serials"]) {
    await app.select(check, "yes");
  }
  await app.select("rma-receive-grade", "A");
}

async function openFromList(app, number, { analystQueue = false } = {}) {
  await app.click("nav-returns");
  if (analystQueue) {
    await app.browser.execute(() => document.querySelector('[data-testid="rmas-filter-view"] input[value="analyst"]')?.click());
  }
  await app.browser.waitUntil(
    () => app.browser.execute((no) => Boolean(document.querySelector(`[data-testid="rmas-row"][data-no="${no}"]`)), number),
    { timeout: TIMEOUT_MS, interval: 250, timeoutMsg: `${number} is not in the returns list` },
  );
  await app.browser.execute((no) => document.querySelector(`[data-testid="rmas-row"][data-no="${no}"]`).click(), number);
  await app.waitForText("rma-number", number);
}

test("returns: auto-approved, labelled, received, inspected and refunded", { timeout: 10 * 60_000 }, async () => {
  const app = await startApp();
  try {
    await setUpDesk(app, { admin: ADMIN });

    await app.step("rma-list-demo", async () => {
      await app.click("nav-returns");
      await app.waitForCount("rmas-row", 11);
    });

    const rmaNo = await app.step("rma-analyst-opens-simple-return", async () => {
      await signInAs(app, ANALYST);
      await fillReturn(app, { order: SIMPLE_ORDER, reason: "no_longer_needed" });
      await waitForVerdict(app, "pass", "the live verdict should say every rule passes");
      await app.screenshot("rma-live-verdict");
      await app.click("rma-submit");
      const number = await app.waitForText("rma-number", RMA_NO, SLOW_MS);
      await waitForStatus(app, "rma-status", "approved");
      return number;
    });

    await app.step("rma-label-saved-as-pdf", async () => {
      await app.click("rma-label");
      await app.click("rma-label-submit");
      const file = path.join(app.saveDir, `return-label-${rmaNo}.pdf`);
      await app.browser.waitUntil(() => fs.existsSync(file) && fs.statSync(file).size > 0, {
        timeout: SLOW_MS,
        interval: 250,
        timeoutMsg: `the label was not saved as ${file}`,
      });
      await waitForStatus(app, "rma-status", "label_printed");
      execFileSync("qpdf", ["--check", file]);
      const text = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" });
      assert.ok(text.includes(rmaNo), `the label shows ${rmaNo}:\n${text}`);
      assert.ok(text.includes("Retourcentrum"), "the label is addressed to the returns centre");
    });

    await app.step("rma-in-transit-received-inspected", async () => {
      await app.click("rma-in-transit");
      await app.select("rma-transit-carrier", "postnl");
      await app.fill("rma-transit-tracking", "3SLTRT9000001");
      await app.click("rma-in-transit-submit");
      await waitForStatus(app, "rma-status", "in_transit");
      await app.click("rma-receive");
      await app.fill("rma-receive-qty-0", 1);
      await answerIntake(app);
      await app.click("rma-receive-submit");
      await waitForStatus(app, "rma-status", "received");
      await app.click("rma-inspect");
      await app.select("rma-inspect-disposition-0", "restock");
      await app.fill("rma-inspect-location-0", "MAIN");
      await app.click("rma-inspect-submit");
      await waitForStatus(app, "rma-status", "inspected");
    });

    await app.step("rma-finance-refunds", async () => {
      await signInAs(app, FINANCE);
      await openFromList(app, rmaNo);
      await app.click("rma-settle");
      await app.waitFor("rma-settle-amount");
      await app.click("rma-settle-submit");
      await waitForStatus(app, "rma-status", "settled");
      await app.waitFor("rma-settled");
      // The analyst opened it, finance asked for and paid the refund: the duties are shown.
      await app.waitFor("rma-payout-paid-by");
      await app.screenshot("rma-settled");
    });

    await app.step("rma-credit-note-names-the-duties", async () => {
      await app.click("rma-credit-note");
      const file = path.join(app.saveDir, `credit-note-${rmaNo}.pdf`);
      await app.browser.waitUntil(() => fs.existsSync(file) && fs.statSync(file).size > 0, {
        timeout: SLOW_MS,
        interval: 250,
        timeoutMsg: `the credit note was not saved as ${file}`,
      });
      execFileSync("qpdf", ["--check", file]);
      const text = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" });
      assert.ok(text.includes(rmaNo), `the credit note shows ${rmaNo}:\n${text}`);
      assert.ok(text.includes("Tom Jansen"), `the credit note names who opened it:\n${text}`);
      assert.ok(text.includes("Sanne Bakker"), `the credit note names who paid it out:\n${text}`);
    });
  } finally {
    await app.stop();
  }
});

test("returns: escalated by the rules, approved from the queue, exchanged for a replacement", { timeout: 10 * 60_000 }, async () => {
  const app = await startApp();
  try {
    await setUpDesk(app, { admin: ADMIN });

    const rmaNo = await app.step("rma-logistics-opens-defective-return", async () => {
      await signInAs(app, LOGISTICS);
      await fillReturn(app, { order: SERIAL_ORDER, reason: "defective", outcome: "exchange" });
      await waitForVerdict(app, "escalate", "no photos and no serial: the live verdict should escalate");
      const rules = await app.browser.execute(() =>
        [...document.querySelectorAll('[data-testid="rma-rule"][data-result="escalate"]')].map((r) => r.dataset.rule).sort(),
      );
      assert.deepEqual(rules, ["evidence", "serials"]);
      await app.click("rma-submit");
      const number = await app.waitForText("rma-number", RMA_NO, SLOW_MS);
      await waitForStatus(app, "rma-status", "escalated");
      return number;
    });

    await app.step("rma-analyst-approves-from-queue", async () => {
      await signInAs(app, ANALYST);
      await openFromList(app, rmaNo, { analystQueue: true });
      await app.click("rma-approve");
      await app.fill("rma-approve-comment", "Customer sent the serial number by e-mail");
      await app.click("rma-approve-submit");
      await waitForStatus(app, "rma-status", "approved");
      await app.waitFor("rma-history");
      const kinds = await app.browser.execute(() =>
        [...document.querySelectorAll('[data-testid="history-entry"]')].map((e) => e.dataset.kind),
      );
      assert.ok(kinds.includes("rma_approved"), `history shows the approval: ${kinds}`);
      await app.screenshot("rma-approved-by-analyst");
    });

    await app.step("rma-analyst-notes-for-the-team", async () => {
      await app.click("rma-add-note");
      await app.fill("rma-note-text", "Customer will bring it to the counter on Friday");
      await app.screenshot("rma-note-modal");
      await app.click("rma-note-submit");
      await app.browser.waitUntil(
        () =>
          app.browser.execute(
            () =>
              [...document.querySelectorAll('[data-testid="history-entry"]')].find(
                (e) => e.dataset.kind === "rma_note_added",
              )?.textContent ?? "",
          ),
        { timeout: SLOW_MS, timeoutMsg: "the note is not in the return's history" },
      );
      const note = await app.browser.execute(() => {
        const entry = [...document.querySelectorAll('[data-testid="history-entry"]')].find(
          (e) => e.dataset.kind === "rma_note_added",
        );
        entry?.scrollIntoView({ block: "center" });
        return entry?.textContent;
      });
      assert.match(note, /Customer will bring it to the counter on Friday/);
      await waitForStatus(app, "rma-status", "approved");
      await app.screenshot("rma-note-in-history");
    });

    const reshipmentNo = await app.step("rma-exchange-replacement-requested", async () => {
      await app.click("rma-receive");
      await app.fill("rma-receive-qty-0", 1);
      await answerIntake(app);
      await app.click("rma-receive-submit");
      await waitForStatus(app, "rma-status", "received");
      await app.click("rma-request-replacement");
      await app.waitForText("rs-rma", "", SLOW_MS);
      const rma = await app.browser.execute(() => document.querySelector('[data-testid="rs-rma"]')?.value);
      assert.equal(rma, rmaNo, "the reshipment form names the return it exchanges");
      // The desk fan is lot- and serial-tracked: the replacement needs its own lot and serial.
      await app.fill("rs-line-lot-1", "LACME-2501");
      await app.fill("rs-line-serials-1", "FAN-SN-000123");
      await app.select("rs-carrier", "postnl");
      await app.fill("rs-service", "Standaard");
      await app.fill("rs-shipping", "6.95");
      await app.click("rs-submit");
      return app.waitForText("rs-number", /^RS-/, SLOW_MS);
    });

    // Only an approved replacement settles the exchange, and the analyst's role approves none.
    await app.step("rma-exchange-replacement-approved", async () => {
      await signInAs(app, FINANCE);
      await openReshipment(app, reshipmentNo);
      await app.click("rs-approve");
      await app.click("rs-approve-confirm");
      await waitForStatus(app, "rs-status", "authorized");
    });

    await app.step("rma-exchange-settled", async () => {
      await signInAs(app, ANALYST);
      await openFromList(app, rmaNo);
      await app.click("rma-inspect");
      await app.select("rma-inspect-disposition-0", "restock");
      await app.fill("rma-inspect-location-0", "MAIN");
      await app.click("rma-inspect-submit");
      await waitForStatus(app, "rma-status", "inspected");
      await app.click("rma-settle");
      const reshipment = await app.browser.execute(
        () => document.querySelector('[data-testid="rma-settle-reshipment"]')?.value ?? "",
      );
      assert.match(reshipment, /^RS-/, "the settle form proposes the replacement");
      await app.click("rma-settle-submit");
      await waitForStatus(app, "rma-status", "settled");
    });
  } finally {
    await app.stop();
  }
});
