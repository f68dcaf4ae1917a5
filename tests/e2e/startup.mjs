// Start-up figures of the release app, run by `cargo xtask startup` under Xvfb. They are reported,
// never asserted (a shared CI machine's timings would make a flaky test):
//
// 1. Cold start: from spawning the app on an empty data folder to its first answered act (the app
//    prints a line when LOTLINE_STARTUP_PROBE is set): the window is up, the UI has loaded and
//    talks to the backend. The first run after a build or an install is the cold one; two more
//    show the warm spread.
// 2. Memory: the app set up with the demo data, on the failure list, after 10 s idle; the PSS of
//    the app and every process it started (WebKit's web and network processes), from
//    /proc/PID/smaps_rollup, so shared libraries are counted once across them.
//
// Environment: LOTLINE_APP (the release binary), STARTUP_REPORT (where the JSON report goes).

import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { setUpDesk } from "./flows.mjs";
import { appPath, startApp } from "./harness.mjs";

const RUNS = 3;
const IDLE_MS = 10_000;
const START_LIMIT_MS = 60_000;
const MARK = "lotline: first answer";
const ADMIN = { username: "admin", name: "Start-up Admin", password: "startup-measure-2026" };

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Milliseconds from spawn to the app's first answered act, on a new empty data folder. */
async function timeOneStart(app) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lotline-startup-"));
  const started = process.hrtime.bigint();
  const child = spawn(app, [], {
    env: { ...process.env, LOTLINE_DATA_DIR: dataDir, LOTLINE_STARTUP_PROBE: "1" },
    stdio: ["ignore", "ignore", "pipe"],
    detached: true,
  });
  try {
    return await new Promise((resolve, reject) => {
      let seen = "";
      const timer = setTimeout(() => reject(new Error(`no first answer within ${START_LIMIT_MS / 1000} s:\n${seen}`)), START_LIMIT_MS);
      child.stderr.setEncoding("utf8");
      child.stderr.on("data", (chunk) => {
        seen += chunk;
        if (seen.includes(MARK)) {
          clearTimeout(timer);
          resolve(Number(process.hrtime.bigint() - started) / 1e6);
        }
      });
      child.once("exit", (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`the app exited (${code ?? signal}) before its first answer:\n${seen}`));
      });
    });
  } finally {
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {
      // already gone
    }
    await sleep(500);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Parent pid of every process we may read. */
function processTable() {
  const table = new Map();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      // The name may hold spaces and parentheses: the fields after its last ")" are fixed.
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      table.set(Number(entry), ppid);
    } catch {
      // the process ended meanwhile
    }
  }
  return table;
}

/** The app's processes (whose executable is the app) and all their descendants. */
function appProcessTree(appFile) {
  const real = fs.realpathSync(appFile);
  const table = processTable();
  const roots = [...table.keys()].filter((pid) => {
    try {
      return fs.readlinkSync(`/proc/${pid}/exe`) === real;
    } catch {
      return false;
    }
  });
  const tree = new Set(roots);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, ppid] of table) {
      if (!tree.has(pid) && tree.has(ppid)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  return [...tree];
}

/** Pss and Rss (KiB) of one process, with its name. */
function memoryOf(pid) {
  const rollup = fs.readFileSync(`/proc/${pid}/smaps_rollup`, "utf8");
  const field = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(rollup)?.[1] ?? 0);
  const name = fs.readFileSync(`/proc/${pid}/comm`, "utf8").trim();
  return { pid, name, pssKiB: field("Pss"), rssKiB: field("Rss") };
}

async function measureMemory(appFile) {
  const app = await startApp();
  try {
    await setUpDesk(app, { admin: ADMIN, demo: true });
    await app.step("startup-failure-list", async () => {
      await app.click("nav-failures");
      await app.waitFor("failures-new");
      await app.waitForCount("failure-row", 1, { atLeast: true });
    });
    await sleep(IDLE_MS);
    const processes = appProcessTree(appFile).flatMap((pid) => {
      try {
        return [memoryOf(pid)];
      } catch {
        return [];
      }
    });
    if (processes.length === 0) throw new Error(`no running process of ${appFile} found in /proc`);
    return processes;
  } finally {
    await app.stop();
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mib = (kib) => (kib / 1024).toFixed(1);

// The desk's audit key goes to a folder of this run, not to the user's keychain or config folder.
const keyDir = fs.mkdtempSync(path.join(os.tmpdir(), "lotline-startup-keys-"));
process.env.LOTLINE_AUDIT_KEY_DIR = keyDir;
process.on("exit", () => fs.rmSync(keyDir, { recursive: true, force: true }));

const appFile = appPath();
console.log(`startup: app ${appFile}`);
const starts = [];
for (let i = 0; i < RUNS; i++) starts.push(await timeOneStart(appFile));
console.log(
  `startup: cold start to the first answered act: ${starts[0].toFixed(0)} ms (first run); ` +
    `runs ${starts.map((ms) => ms.toFixed(0)).join(", ")} ms, median ${median(starts).toFixed(0)} ms (target ≤ 2000 ms)`,
);

const processes = await measureMemory(appFile);
const pss = processes.reduce((sum, p) => sum + p.pssKiB, 0);
const rss = processes.reduce((sum, p) => sum + p.rssKiB, 0);
console.log(`startup: memory after ${IDLE_MS / 1000} s idle on the failure list with the demo data:`);
for (const p of processes) console.log(`  ${String(p.pid).padStart(7)} ${p.name.padEnd(18)} PSS ${mib(p.pssKiB).padStart(7)} MiB  RSS ${mib(p.rssKiB)} MiB`);
console.log(`startup: total PSS ${mib(pss)} MiB (target ≤ 200 MB = 190.7 MiB); RSS summed ${mib(rss)} MiB`);

const report = {
  app: appFile,
  coldStartMs: starts[0],
  startRunsMs: starts,
  idleSeconds: IDLE_MS / 1000,
  pssKiB: pss,
  processes,
};
if (process.env.STARTUP_REPORT) {
  fs.mkdirSync(path.dirname(process.env.STARTUP_REPORT), { recursive: true });
  fs.writeFileSync(process.env.STARTUP_REPORT, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`startup: report ${process.env.STARTUP_REPORT}`);
}
process.exit(0);
