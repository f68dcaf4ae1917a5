// A reshipment across three desks: an inspector logs a failure; logistics requests a reshipment
// above its own limit (and may not approve it itself); a finance user signs in and approves it;
// logistics ships it with a tracking number; the order shows it shipped.

import assert from "node:assert/strict";
import { test } from "node:test";
import {
  DEMO_FINANCE as FINANCE,
  DEMO_LOGISTICS as LOGISTICS,
  DEMO_ORDER,
  openReshipment,
  RESHIPMENT_NO,
  requestReshipmentAboveLimit,
  setUpDesk,
  signInAs,
  waitForStatus,
} from "./flows.mjs";
import { startApp } from "./harness.mjs";

const ADMIN = { username: "rs.admin", name: "RS Admin", password: "e2e-Secret-2026!" };

test("reshipment: requested above the limit, approved by finance, shipped, the order shows it", { timeout: 10 * 60_000 }, async () => {
  const app = await startApp();
  try {
    await setUpDesk(app, { admin: ADMIN });

    const { reshipmentNo } = await requestReshipmentAboveLimit(app, { prefix: "rs", tag: "e2e reshipment" });
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
