// A SCAR from a QC failure to its closing, on a desk set up in Chinese: the admin opens a SCAR
// from a demo failure with its team and problem, sends it with a due date, records the vendor's
// containment and root cause, verifies and closes it. The steps' screenshots show the SCAR page
// in Chinese.

import { test } from "node:test";
import { SLOW_MS, setUpDesk, waitForStatus } from "./flows.mjs";
import { startApp } from "./harness.mjs";

const ADMIN = { username: "scar.admin", name: "SCAR Admin", password: "e2e-Secret-2026!" };
const SCAR_NO = /^SCAR-[A-Z0-9]+-\d{6}$/;

/** Opens the next step's form, fills what it asks for, saves, and waits for the new status. */
async function advance(app, status, fields) {
  await app.click("scar-advance");
  for (const [id, value] of Object.entries(fields)) await app.fill(id, value);
  await app.click("scar-advance-save");
  await waitForStatus(app, "scar-status", status);
}

test("scar: opened from a failure, sent, answered, verified and closed (in Chinese)", { timeout: 10 * 60_000 }, async () => {
  const app = await startApp();
  try {
    await setUpDesk(app, { admin: ADMIN, language: "zh-CN" });

    await app.step("scar-open-from-failure", async () => {
      await app.click("nav-failures");
      await app.waitForCount("failure-row", 1, { atLeast: true, timeout: SLOW_MS });
      const [row] = await app.allByTestId("failure-row");
      await row.click();
      await app.click("failure-open-scar");
      await app.fill("scar-team-name-0", "王芳");
      await app.fill("scar-team-role-0", "供应商质量工程师");
      await app.click("scar-open-save");
      await app.waitForText("scar-number", SCAR_NO, SLOW_MS);
      await waitForStatus(app, "scar-status", "draft");
    });

    await app.step("scar-sent", async () => {
      await advance(app, "sent", { "scar-advance-due": "2030-12-31" });
    });

    await app.step("scar-answered", async () => {
      await advance(app, "containment_received", { "scar-advance-text": "深圳仓库存已全部挑选，隔离 11 件" });
      await advance(app, "root_cause_received", {
        "scar-advance-text": "模具磨损导致外壳划伤",
        "scar-advance-actions": "更换模具，每周检查磨损",
      });
    });

    await app.step("scar-closed", async () => {
      await advance(app, "verified", { "scar-advance-text": "后续三批来料检验合格" });
      await advance(app, "closed", { "scar-advance-text": "感谢双方团队" });
    });
  } finally {
    await app.stop();
  }
});
