// The back office in Dutch: every section of the shell opens with its data, the review's Pareto
// bar opens the failures behind it and a vendor defect report is saved, a CSV import with bad rows
// is refused row by row, and a failure is taken through its disposition to closed.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { SLOW_MS, setUpDesk, waitForFailureStatus } from "./flows.mjs";
import { startApp, TIMEOUT_MS } from "./harness.mjs";

const ADMIN = { username: "beheer", name: "Anouk Beheer", password: "e2e-Geheim-2026!" };

test("back office in Dutch: sections, a refused CSV import, a failure closed after rework", { timeout: 10 * 60_000 }, async () => {
  const app = await startApp();
  try {
    await setUpDesk(app, { admin: ADMIN, language: "nl" });

    const sections = [
      ["nav-products", "Producten", "products-row"],
      ["nav-vendors", "Leveranciers", "vendors-row"],
      ["nav-customers", "Klanten", "customers-row"],
      ["nav-orders", "Orders", "orders-row"],
      ["nav-users", "Gebruikers en rollen", "user-row"],
      ["nav-categories", "Defectcategorieën", "category-row"],
      ["nav-lots", "Partijen & traceerbaarheid", "lot-row"],
    ];
    for (const [nav, title, row] of sections) {
      await app.step(nav.replace("nav-", "section-"), async () => {
        await app.click(nav);
        await app.waitForText("page-title", title);
        await app.waitForCount(row, 1, { atLeast: true });
      });
    }
    // Reshipments and returns hold the demo's records.
    for (const [nav, row] of [
      ["nav-reshipments", "reshipments-row"],
      ["nav-returns", "rmas-row"],
    ]) {
      await app.step(nav.replace("nav-", "section-"), async () => {
        await app.click(nav);
        await app.waitFor("page-title");
        await app.waitForCount(row, 1, { atLeast: true });
      });
    }
    await app.step("section-dashboard", async () => {
      await app.click("nav-dashboard");
      // The demo's bottles sit in a held lot, below their minimum: an alert.
      await app.waitForCount("dashboard-safety-row", 1, { atLeast: true });
      const skus = await app.browser.execute(() =>
        [...document.querySelectorAll('[data-testid="dashboard-safety-row"]')].map((r) => r.dataset.sku),
      );
      assert.ok(skus.includes("BTL-TRITAN"), `the held bottles are below their minimum: ${skus}`);
      await app.waitFor("dashboard-rma-aging");
      await app.waitFor("dashboard-flagged-vendors");
      await app.screenshot("dashboard");
    });
    await app.step("section-reports", async () => {
      await app.click("nav-reports");
      await app.waitFor("reports-tab-review");
      // The demo's failures fall in the last 30 days, so the Pareto has bars.
      await app.waitForCount("pareto-bar", 1, { atLeast: true });
      await app.screenshot("reports-review");
    });

    await app.step("reports-pareto-xlsx-saved", async () => {
      const before = new Set(fs.readdirSync(app.saveDir));
      await app.browser.execute(() => document.querySelector('[data-testid="export-pareto-xlsx"]').click());
      let saved;
      await app.browser.waitUntil(
        () => {
          saved = fs.readdirSync(app.saveDir).find((f) => !before.has(f) && f.endsWith(".xlsx"));
          return saved !== undefined && fs.statSync(path.join(app.saveDir, saved)).size > 0;
        },
        { timeout: 20_000, interval: 250, timeoutMsg: "the Pareto workbook was not saved into LOTLINE_SAVE_DIR" },
      );
      const bytes = fs.readFileSync(path.join(app.saveDir, saved));
      // A workbook is a zip whose directory names its sheet in plain text.
      assert.equal(bytes.subarray(0, 2).toString("latin1"), "PK", "the saved file is a zip");
      assert.ok(bytes.includes(Buffer.from("xl/worksheets/sheet1.xml")), "the zip holds a worksheet");
    });

    await app.step("reports-pareto-bar-opens-its-failures", async () => {
      // An SVG bar: its click handler is React's, so the click is dispatched as a real event.
      const category = await app.browser.execute(() => {
        const bar = [...document.querySelectorAll('[data-testid="pareto-bar"]')].find((b) => b.dataset.category !== "other");
        bar.dispatchEvent(new MouseEvent("click", { bubbles: true }));
        return bar.dataset.category;
      });
      await app.waitFor("failures-filter-category");
      await app.browser.waitUntil(
        () => app.browser.execute(() => document.querySelector('[data-testid="failures-filter-category"]')?.value),
        { timeout: TIMEOUT_MS, timeoutMsg: "the failures list should open filtered by the bar's category" },
      );
      const shown = await app.browser.execute(() => document.querySelector('[data-testid="failures-filter-category"]').value);
      assert.equal(shown, category, "the list is filtered by the bar's category");
      await app.waitForCount("failure-row", 1, { atLeast: true });
      await app.screenshot("reports-pareto-failures");
    });

    await app.step("reports-vendor-defect-report-saved", async () => {
      await app.click("nav-reports");
      await app.click("reports-tab-vendors");
      await app.waitForCount("vendor-report-pdf-save", 1, { atLeast: true });
      await app.screenshot("reports-vendors");
      const before = new Set(fs.readdirSync(app.saveDir));
      await app.browser.execute(() => document.querySelector('[data-testid="vendor-report-pdf-save"]').click());
      let saved;
      await app.browser.waitUntil(
        () => {
          saved = fs.readdirSync(app.saveDir).find((f) => !before.has(f) && f.endsWith(".pdf"));
          return saved !== undefined && fs.statSync(path.join(app.saveDir, saved)).size > 0;
        },
        { timeout: 20_000, interval: 250, timeoutMsg: "the vendor defect report was not saved into LOTLINE_SAVE_DIR" },
      );
      const file = path.join(app.saveDir, saved);
      execFileSync("qpdf", ["--check", file]);
      const text = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" });
      assert.match(text, /8D|SCAR|corrigerende/i, `the saved file is the defect report:\n${text.slice(0, 400)}`);
    });

    const csv = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "lotline-e2e-csv-")), "producten.csv");
    fs.writeFileSync(
      csv,
      [
        "sku,gtin,name,category,unit_cost_minor,currency,returnable,lot_tracked,serial_tracked,has_expiry,vendor_code",
        "E2E-GOOD-1,,Goed product,Test,1250,EUR,ja,nee,nee,nee,",
        "E2E-BAD-1,123,Slechte GTIN,Test,100,EUR,ja,nee,nee,nee,",
        "E2E-BAD-2,,Slechte prijs,Test,12.50,EUR,misschien,nee,nee,nee,",
      ].join("\n"),
    );
    await app.step("import-refused", async () => {
      await app.click("nav-products");
      const input = await app.waitForExist("products-import-input");
      await input.addValue(csv);
      await app.waitFor("import-errors");
      await app.waitForCount("import-error-row", 3);
      const texts = await app.browser.execute(() =>
        [...document.querySelectorAll('[data-testid="import-error-row"]')].map((r) => r.innerText.replace(/\s+/g, " ").trim()),
      );
      assert.match(texts[0], /^3 gtin .*GTIN/, `first error row: ${texts[0]}`);
      assert.ok(texts.some((t) => t.startsWith("4 unit_cost_minor ")), texts.join(" | "));
      await app.browser.keys(["Escape"]);
    });
    await app.step("import-wrote-nothing", async () => {
      await app.fill("products-search", "E2E-GOOD-1");
      await app.browser.waitUntil(async () => (await app.allByTestId("products-row")).length === 0, {
        timeout: TIMEOUT_MS,
        timeoutMsg: "a refused import must not have written its good rows",
      });
    });

    await app.step("open-failure", async () => {
      await app.click("nav-failures");
      await app.select("failures-filter-status", "open");
      // The list refreshes shortly after the filter changes: wait until it shows only open ones.
      const statuses = () =>
        app.browser.execute(() => [...document.querySelectorAll('[data-testid="failure-row"]')].map((r) => r.dataset.status));
      await app.browser.waitUntil(
        async () => {
          const seen = await statuses();
          return seen.length > 0 && seen.every((s) => s === "open");
        },
        { timeout: TIMEOUT_MS, interval: 250, timeoutMsg: "the status filter did not leave only open failures" },
      );
      // The virtual list may re-render between finding a row and clicking it: click in one go.
      await app.browser.execute(() => document.querySelector('[data-testid="failure-row"]').click());
      await waitForFailureStatus(app, "open");
    });
    await app.step("disposition-rework", async () => {
      await app.click("failure-set-disposition");
      const radio = await app.waitForExist("disposition-rework");
      await app.browser.execute((el) => el.click(), radio);
      await app.click("disposition-submit");
      await waitForFailureStatus(app, "in_disposition");
      await app.waitForText("failure-disposition", "Herbewerken");
    });
    await app.step("failure-closed", async () => {
      await app.click("failure-complete");
      await app.fill("complete-outcome", "3 stuks opnieuw gesoldeerd en goedgekeurd (e2e)");
      await app.fill("complete-rework-cost", "18.50");
      await app.click("complete-submit");
      await waitForFailureStatus(app, "closed", SLOW_MS);
      await app.waitForText("failure-disposition", "Herbewerken");
    });
  } finally {
    await app.stop();
  }
});
