// Memory of the failure list with 100,000 failures (issue 20): the app and its webview
// processes (PSS), on the first page, after scrolling 20,000 rows, and after going to another
// screen. A measurement, printed as JSON: it asserts nothing and is not part of `npm test`.
//
//   LOTLINE_APP=target/debug/lotline-desktop LOTLINE_CLI=target/debug/lotline \
//     xvfb-run -a node measure/list-memory.mjs [failures=100000]
//
// LOTLINE_MEMORY_DATA=DIR prepares the data in DIR once and reuses it on later runs (the imports
// take long), so that runs differ only in the app.

import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { REPO_ROOT, startApp } from "../harness.mjs";

const FAILURES = Number(process.argv[2] ?? 100_000);
const SCROLL_ROWS = 20_000;
/** Rows per import: one import is one transaction, checked whole before it writes. */
const CHUNK = 50_000;
const ROW_HEIGHT = 40;
const PASSWORD = "measure-pass-2026";
const cli = path.resolve(REPO_ROOT, process.env.LOTLINE_CLI ?? "target/debug/lotline");

function lotline(dataDir, args, input) {
  return execFileSync(cli, ["--data", dataDir, "--user", "admin", ...args], {
    env: { ...process.env, LOTLINE_PASSWORD: PASSWORD },
    input,
    maxBuffer: 1 << 28,
  }).toString();
}

/** The exported lots as { lot_code, sku, vendor_code } (the demo's codes hold no commas). */
function lotsOf(csv) {
  const [head, ...lines] = csv.trim().split("\n");
  const names = head.split(",");
  return lines.map((l) => Object.fromEntries(l.split(",").map((v, i) => [names[i], v])));
}

function prepare() {
  const kept = process.env.LOTLINE_MEMORY_DATA;
  if (kept && fs.existsSync(path.join(kept, "prepared"))) return kept;
  const dataDir = kept ?? fs.mkdtempSync(path.join(os.tmpdir(), "lotline-memory-"));
  fs.mkdirSync(dataDir, { recursive: true });
  execFileSync(cli, ["--data", dataDir, "init", "--company", "Memory B.V.", "--site", "AMS1", "--admin", "admin"], {
    env: { ...process.env, LOTLINE_PASSWORD: PASSWORD },
  });
  lotline(dataDir, ["demo"]);
  // Serial-tracked products would need the failed serials named: leave them out.
  const serialTracked = new Set(
    lotsOf(lotline(dataDir, ["export", "products"]))
      .filter((p) => p.serial_tracked === "true")
      .map((p) => p.sku),
  );
  const lots = lotsOf(lotline(dataDir, ["export", "lots"])).filter((l) => !serialTracked.has(l.sku));
  for (let done = 0; done < FAILURES; done += CHUNK) {
    let csv = "sku,vendor_code,lot_code,stage,qty_inspected,qty_failed,category_code,severity,description,owner_team\n";
    for (let i = done; i < Math.min(FAILURES, done + CHUNK); i++) {
      const severity = ["minor", "major", "critical"][i % 3];
      const lot = lots[i % lots.length];
      csv += `${lot.sku},${lot.vendor_code},${lot.lot_code},incoming,100,${1 + (i % 7)},COS,${severity},Measured failure ${i},warehouse_qc\n`;
    }
    const file = path.join(dataDir, "failures.csv");
    fs.writeFileSync(file, csv);
    lotline(dataDir, ["import", "failures", file]);
  }
  fs.writeFileSync(path.join(dataDir, "prepared"), String(FAILURES));
  return dataDir;
}

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
  const byProcess = {};
  for (const pid of seen) {
    try {
      const comm = fs.readFileSync(`/proc/${pid}/comm`, "utf8").trim();
      if (/tauri-driver|WebKitWebDriver/.test(comm)) continue;
      const pss = /^Pss:\s+(\d+)/m.exec(fs.readFileSync(`/proc/${pid}/smaps_rollup`, "utf8"));
      kib += Number(pss?.[1] ?? 0);
      byProcess[comm] = (byProcess[comm] ?? 0) + Math.round(Number(pss?.[1] ?? 0) / 1024);
    } catch {
      // gone meanwhile
    }
  }
  return { mib: Math.round(kib / 1024), processes: byProcess };
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
