// First paint of the failure list with 100,000 failures (issue 21: at most 300 ms), measured in
// the real webview: from the moment the list's address is set to the frame after its first row
// is in the page. Each visit starts on the Overview and opens the list with a filter of its own
// that keeps (nearly) every failure, so no visit is answered from the query cache. A measurement,
// printed as JSON: it asserts nothing and is not part of `npm test`.
//
//   LOTLINE_APP=target/release/lotline-desktop LOTLINE_CLI=target/debug/lotline \
//     xvfb-run -a node measure/list-paint.mjs [failures=100000]
//
// LOTLINE_MEMORY_DATA=DIR keeps the prepared data folder for later runs (see prepare.mjs).

import fs from "node:fs";
import { startApp } from "../harness.mjs";
import { FAILURES, PASSWORD, prepare } from "./prepare.mjs";

/** Every visit's filter matches the imported failures (all open, all COS, all in these years). */
const VISITS = [
  "status=open",
  "category=COS",
  "from=2000-01-01",
  "to=2100-12-31",
  "text=Measured",
  "from=2000-01-02",
  "to=2100-12-30",
];

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Milliseconds from setting the address to the frame after the first row appears. */
async function paint(app, search) {
  await app.browser.execute((hash) => {
    window.__lotlinePaint = undefined;
    const started = performance.now();
    const waitForRow = () => {
      if (document.querySelector('[data-testid="failure-row"]')) {
        // The row is in the DOM; the next frame is the one that shows it.
        requestAnimationFrame(() => {
          window.__lotlinePaint = performance.now() - started;
        });
      } else {
        requestAnimationFrame(waitForRow);
      }
    };
    window.location.hash = hash;
    requestAnimationFrame(waitForRow);
  }, `#/failures?${search}`);
  await app.browser.waitUntil(() => app.browser.execute(() => window.__lotlinePaint !== undefined), {
    timeout: 60_000,
    interval: 20,
    timeoutMsg: `the list with ${search} never showed a row`,
  });
  return app.browser.execute(() => Math.round(window.__lotlinePaint));
}

const dataDir = prepare();
const app = await startApp({ dataDir });
const visits = [];
try {
  await app.waitFor("signin-username", 600_000);
  await app.fill("signin-username", "admin");
  await app.fill("signin-password", PASSWORD);
  await app.click("signin-submit");
  await app.waitFor("failure-row", 120_000);
  for (const search of VISITS) {
    await app.click("nav-dashboard");
    await sleep(1_500);
    visits.push({ search, ms: await paint(app, search) });
  }
  await app.screenshot("list-paint-last-visit");
  const sorted = visits.map((v) => v.ms).sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  console.log(JSON.stringify({ failures: FAILURES, visits, median_ms: median, max_ms: sorted.at(-1) }, null, 2));
} finally {
  await app.stop();
  if (!process.env.LOTLINE_MEMORY_DATA) fs.rmSync(dataDir, { recursive: true, force: true });
}
