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
import { FAILURES, PASSWORD, prepare } from "./prepare.mjs";

const SCROLL_ROWS = 20_000;
const ROW_HEIGHT = 40;

/** Every process under `root` (the driver) except the drivers themselves: the app and its webview's. */
function appPss(root) {
  const children = new Map();
  for (const pid of fs.readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    try {
      const ppid = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ")[1];
      children.set(ppid, [...(children.get(ppid) ?? []), pid]);
    } catch {
      // gone meanwhile
    }
  }
  const seen = [];
  const walk = (pid) => {
    for (const child of children.get(String(pid)) ?? []) {
      seen.push(child);
      walk(child);
    }
  };
  walk(root);
  let kib = 0;
  // Pages an allocator gave back with MADV_FREE stay in PSS until the kernel needs them: counted
  // apart, they tell memory still in use from memory merely not yet reclaimed.
  let lazyKib = 0;
  const byProcess = {};
  for (const pid of seen) {
    try {
      const comm = fs.readFileSync(`/proc/${pid}/comm`, "utf8").trim();
      if (/tauri-driver|WebKitWebDriver/.test(comm)) continue;
      const rollup = fs.readFileSync(`/proc/${pid}/smaps_rollup`, "utf8");
      const pss = /^Pss:\s+(\d+)/m.exec(rollup);
      kib += Number(pss?.[1] ?? 0);
      lazyKib += Number(/^LazyFree:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
      byProcess[comm] = (byProcess[comm] ?? 0) + Math.round(Number(pss?.[1] ?? 0) / 1024);
    } catch {
      // gone meanwhile
    }
  }
  return { mib: Math.round(kib / 1024), lazy_free_mib: Math.round(lazyKib / 1024), processes: byProcess };
}

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
  for (let row = 100; row <= SCROLL_ROWS; row += 100) {
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
  console.log(JSON.stringify({ failures: FAILURES, scrolled_rows: SCROLL_ROWS, ...figures }, null, 2));
} finally {
  await app.stop();
  if (!process.env.LOTLINE_MEMORY_DATA) fs.rmSync(dataDir, { recursive: true, force: true });
}
