// The back office in Dutch: every section of the shell opens (built ones with their data, the
// others with an explanation), a CSV import with bad rows is refused row by row, and a failure is
// taken through its disposition to closed.

import assert from "node:assert/strict";
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
    // Reshipments and returns hold the demo's records; reports are not built yet.
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
    await app.step("section-reports", async () => {
      await app.click("nav-reports");
      await app.waitFor("coming-soon");
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
      await app.click("complete-submit");
      await waitForFailureStatus(app, "closed", SLOW_MS);
      await app.waitForText("failure-disposition", "Herbewerken");
    });
  } finally {
    await app.stop();
  }
});
