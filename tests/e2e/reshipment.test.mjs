// A reshipment across three desks: an inspector logs a failure; logistics requests a reshipment
// above its own limit (and may not approve it itself); a finance user signs in and approves it;
// logistics ships it with a tracking number; the order shows it shipped.

import assert from "node:assert/strict";
import { test } from "node:test";
import {
  chooseSeverity,
  chooseSku,
  openReshipment,
  SLOW_MS,
  setUpDesk,
  signInAs,
  waitForStatus,
} from "./flows.mjs";
import { startApp } from "./harness.mjs";

const ADMIN = { username: "rs.admin", name: "RS Admin", password: "e2e-Secret-2026!" };
/** Demo users (crates/app/src/demo.rs), and a demo order whose first line is DEMO_SKU (not lot-tracked). */
const INSPECTOR = "mei.chen";
const LOGISTICS = "jan.devries";
const FINANCE = "sanne.bakker";
const DEMO_SKU = "PKG-DOOS-M";
const DEMO_ORDER = "SO-2026-01014";
const RESHIPMENT_NO = /^RS-[A-Z0-9]+-\d{6}$/;

test("reshipment: requested above the limit, approved by finance, shipped, the order shows it", { timeout: 10 * 60_000 }, async () => {
  const app = await startApp();
  try {
    await setUpDesk(app, { admin: ADMIN });

    const failureNo = await app.step("rs-inspector-logs-failure", async () => {
      await signInAs(app, INSPECTOR);
      await app.click("nav-failures");
      await app.click("failures-new");
      await chooseSku(app, DEMO_SKU);
      await app.fill("ff-qty-inspected", 50);
      await app.fill("ff-qty-failed", 2);
      await app.select("ff-category", 1);
      await chooseSeverity(app, "major");
      await app.fill("ff-description", "Cable sheath split at the plug (e2e reshipment)");
      await app.click("ff-submit");
      return app.waitForText("failure-number", /^QF-/, SLOW_MS);
    });

    const reshipmentNo = await app.step("rs-logistics-requests", async () => {
      await signInAs(app, LOGISTICS);
      await app.click("nav-failures");
      await app.fill("failures-filter-text", failureNo);
      await app.waitForCount("failure-row", 1);
      const [row] = await app.allByTestId("failure-row");
      await row.click();
      await app.click("request-reshipment");
      await app.fill("rs-order", DEMO_ORDER);
      await app.fill("rs-line-qty-1", 1);
      await app.select("rs-carrier", "dpd");
      await app.fill("rs-service", "Classic");
      await app.fill("rs-shipping", "45.00");
      await app.fill("rs-goods", "75.00");
      await app.fill("rs-reason", "Replacement for a split cable (e2e)");
      await app.click("rs-submit");
      const number = await app.waitForText("rs-number", RESHIPMENT_NO, SLOW_MS);
      await waitForStatus(app, "rs-status", "requested");
      await app.waitFor("rs-refusal");
      return number;
    });
    assert.match(reshipmentNo, RESHIPMENT_NO);

    await app.step("rs-finance-approves", async () => {
      await signInAs(app, FINANCE);
      await openReshipment(app, reshipmentNo);
      await app.click("rs-approve");
      await app.click("rs-approve-confirm");
      await waitForStatus(app, "rs-status", "authorized");
    });

    await app.step("rs-logistics-ships", async () => {
      await signInAs(app, LOGISTICS);
      await openReshipment(app, reshipmentNo);
      await app.click("rs-ship");
      await app.select("rs-ship-carrier", "dpd");
      await app.fill("rs-ship-tracking", "01234567890123");
      await app.click("rs-ship-confirm");
      await waitForStatus(app, "rs-status", "shipped");
    });

    await app.step("rs-order-shipped", async () => {
      await app.click("nav-orders");
      await app.fill("orders-search", DEMO_ORDER);
      await app.waitForCount("orders-row", 1);
      const [row] = await app.allByTestId("orders-row");
      await row.click();
      await waitForStatus(app, "order-status", "reshipment_shipped");
    });
  } finally {
    await app.stop();
  }
});
