// The memory the measurements report: PSS of the app and its webview's processes, read from
// /proc (Linux only).

import fs from "node:fs";

/** Every process under `root` (the driver) except the drivers themselves: the app and its webview's. */
export function appPss(root) {
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
