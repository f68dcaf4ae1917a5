// The data folder the list measurements run on: the demo plus FAILURES imported failures, made
// with the CLI. LOTLINE_MEMORY_DATA=DIR prepares it in DIR once and reuses it on later runs (the
// imports take long), so that runs differ only in the app.

import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { REPO_ROOT } from "../harness.mjs";

export const FAILURES = Number(process.argv[2] ?? 100_000);
/** Rows per import: one import is one transaction, checked whole before it writes. */
const CHUNK = 50_000;
export const PASSWORD = "measure-pass-2026";
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

export function prepare() {
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

