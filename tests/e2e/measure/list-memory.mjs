// Memory of the failure list with 100,000 failures (issue 20): the app and its webview
// processes (PSS), on the first page, after scrolling 20,000 rows, and after going to another
// screen. A measurement, printed as JSON: it asserts nothing and is not part of `npm test`.
//
//   LOTLINE_APP=target/debug/lotline-desktop LOTLINE_CLI=target/debug/lotline \
//     xvfb-run -a node measure/list-memory.mjs [failures=100000]
//
// LOTLINE_MEMORY_DATA=DIR keeps the prepared data folder for later runs (see prepare.mjs).

import fs from "node:fs";
import { startApp } from "../harness.mjs";
import { appPss } from "./pss.mjs";
import { FAILURES, PASSWORD, prepare } from "./prepare.mjs";

const SCROLL_ROWS = 20_000;
const ROW_HEIGHT = 40;


const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** With LOTLINE_MEMORY_SMAPS set: the web process's PSS by mapping (heap, anonymous, each file), to see what grows. */
function smapsOfWebProcess(root, label) {
  if (!process.env.LOTLINE_MEMORY_SMAPS) return;
  const pids = fs.readdirSync("/proc").filter((p) => /^\d+$/.test(p));
  for (const pid of pids) {
    let comm;
    try {
      comm = fs.readFileSync(`/proc/${pid}/comm`, "utf8").trim();
    } catch {
      continue;
    }
    if (!/WebKitWebProces|lotline-desktop/.test(comm)) continue;
    const byName = {};
    let name = "";
    for (const line of fs.readFileSync(`/proc/${pid}/smaps`, "utf8").split("\n")) {
      const head = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
      if (head) name = head[1] || "[anon]";
      const pss = /^Pss:\s+(\d+)/.exec(line);
      if (pss) byName[name] = (byName[name] ?? 0) + Number(pss[1]);
    }
    const top = Object.entries(byName)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
      .map(([n, kib]) => `${Math.round(kib / 1024)} MiB ${n}`);
    console.error(`smaps ${label} ${comm} ${pid}:\n  ${top.join("\n  ")}`);
  }
}

/**
 * LOTLINE_MEMORY_INPAGE: the same scroll, driven from inside the page (one script per 5,000
 * rows) rather than by a WebDriver command and a polling wait per step, so that what grows is
 * the app's and not the automation's.
 */
async function scrollInPage(app, figures) {
  await app.browser.setTimeout({ script: 600_000 });
  for (let upTo = 5_000; upTo <= SCROLL_ROWS; upTo += 5_000) {
    await app.browser.executeAsync(
      (from, to, rowHeight, done) => {
        const scroller = document.querySelector('[role="grid"] > div:nth-child(2)');
        let row = from;
        const step = () => {
          if (row > to) return done();
          scroller.scrollTop = row * rowHeight;
          const wait = () => {
            if (document.querySelector(`[aria-rowindex="${row}"][data-testid="failure-row"]`)) {
              row += 100;
              requestAnimationFrame(step);
            } else setTimeout(wait, 20);
          };
          wait();
        };
        step();
      },
      upTo - 4_900,
      upTo,
      ROW_HEIGHT,
    );
    figures[`after_${upTo}_rows`] = appPss(app.driver.pid);
  }
}

/**
 * LOTLINE_MEMORY_FETCHONLY (an experiment): the pages the scroll would fetch, asked for over the
 * app's IPC from inside the page and dropped, without drawing a row: what the fetching costs.
 */
async function fetchOnly(app, figures) {
  await app.browser.setTimeout({ script: 600_000 });
  for (let upTo = 5_000; upTo <= SCROLL_ROWS; upTo += 5_000) {
    await app.browser.executeAsync(async (from, to, done) => {
      for (let offset = from; offset < to; offset += 200) {
        const input = { from: null, to: null, vendor_code: null, sku: null, category_code: null, status: null, disposition: null, text: null, sort_by: "occurred_at", sort_dir: "desc", offset, limit: 200 };
        await window.__TAURI_INTERNALS__.invoke("call", { act: "list_failures", input });
      }
      done();
    }, upTo - 5_000, upTo);
    figures[`after_${upTo}_rows`] = appPss(app.driver.pid);
  }
}

const dataDir = prepare();
const app = await startApp({ dataDir });
const figures = {};
try {
  // The check at start reads every event the CLI's imports added: a while, on a debug build.
  await app.waitFor("signin-username", 600_000);
  await app.fill("signin-username", "admin");
  await app.fill("signin-password", PASSWORD);
  await app.click("signin-submit");
  await app.click("nav-failures", 60_000);
  await app.waitFor("failure-row", 60_000);
  await sleep(10_000);
  figures.first_page = appPss(app.driver.pid);
  smapsOfWebProcess(app.driver.pid, "first page");
  // LOTLINE_MEMORY_BOUNCE: as many scroll steps, between the same two places, so the same rows
  // are drawn again and again (what grows with drawing, not with new rows).
  const bounce = Boolean(process.env.LOTLINE_MEMORY_BOUNCE);
  if (process.env.LOTLINE_MEMORY_FETCHONLY) await fetchOnly(app, figures);
  else if (process.env.LOTLINE_MEMORY_INPAGE) await scrollInPage(app, figures);
  for (let row = 100; !process.env.LOTLINE_MEMORY_INPAGE && !process.env.LOTLINE_MEMORY_FETCHONLY && row <= SCROLL_ROWS; row += 100) {
    const target = bounce ? ((row / 100) % 2 === 0 ? 400 : 100) : row;
    await app.browser.execute((top) => {
      const scroller = document.querySelector('[role="grid"] > div:nth-child(2)');
      if (scroller) scroller.scrollTop = top;
    }, target * ROW_HEIGHT);
    await app.browser.waitUntil(
      () => app.browser.execute((r) => document.querySelector(`[aria-rowindex="${r}"][data-testid="failure-row"]`) !== null, target),
      { timeout: 60_000, interval: 50, timeoutMsg: `row ${row} never showed` },
    );
    if (row % 5_000 === 0) figures[`after_${row}_rows`] = appPss(app.driver.pid);
  }
  await sleep(2_000);
  figures.after_scroll = appPss(app.driver.pid);
  smapsOfWebProcess(app.driver.pid, "after scroll");
  await app.screenshot("memory-after-scroll");
  await app.click("nav-dashboard").catch(() => app.click("nav-lots"));
  await sleep(30_000);
  figures.after_leaving = appPss(app.driver.pid);
  smapsOfWebProcess(app.driver.pid, "after leaving");
  // LOTLINE_MEMORY_CHURN (an experiment): allocate and drop garbage in the page so that the
  // collector runs; what is still held after it was live, not merely uncollected.
  if (process.env.LOTLINE_MEMORY_CHURN) {
    for (let round = 0; round < 20; round += 1) {
      await app.browser.execute(() => {
        let keep = 0;
        for (let i = 0; i < 200; i += 1) keep += new Array(100_000).fill(i).length;
        return keep;
      });
    }
    await sleep(15_000);
    figures.after_churn = appPss(app.driver.pid);
    smapsOfWebProcess(app.driver.pid, "after churn");
  }
  console.log(JSON.stringify({ failures: FAILURES, scrolled_rows: SCROLL_ROWS, ...figures }, null, 2));
} finally {
  await app.stop();
  if (!process.env.LOTLINE_MEMORY_DATA) fs.rmSync(dataDir, { recursive: true, force: true });
}
