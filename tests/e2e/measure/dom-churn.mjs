// What the webview keeps after a list's rows are drawn and dropped, without React or Lotline's
// data: 40 rows of 10 cells, shaped like the failure list's, drawn 20,000 times over, then
// removed. `CHURN_MODE=new` (the default) makes new elements for every frame, as a list keyed by
// row index does while scrolling; `CHURN_MODE=recycle` makes them once and changes their text
// and position, as `VirtualTable` does since its rows are keyed by their place in a ring.
// A measurement, printed as JSON (PSS in MiB per process, from ./pss.mjs): it asserts nothing.
//
//   LOTLINE_APP=target/release/lotline-desktop xvfb-run -a node measure/dom-churn.mjs
//
// Measured (release app, Xvfb, web process): new elements 156 → 750 MiB, 565 MiB 30 s after
// removing them; recycled 154 → 223 MiB, 213 MiB after.

import { startApp } from "../harness.mjs";
import { appPss } from "./pss.mjs";

const ROWS = 40;
const CELLS = 10;
const FRAMES_PER_ROUND = 125; // 125 frames × 40 rows = 5,000 rows drawn
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** In the page: draws FRAMES_PER_ROUND frames of rows, one per animation frame. */
function drawRows(mode, shape, done) {
  const host =
    document.getElementById("churn-host") ??
    Object.assign(document.body.appendChild(document.createElement("div")), { id: "churn-host" });
  host.style.cssText = "position:fixed;inset:0;overflow:hidden;z-index:9999;background:white";
  const pool = [...host.children];
  const rowStyle = "position:absolute;top:0;left:0;right:0;height:40px;display:grid;align-items:center;" +
    "grid-template-columns:132px 140px 1fr 80px 95px 75px 80px 115px 1fr 165px";
  let frame = 0;
  const step = () => {
    const stamp = `${Date.now()}-${frame}`;
    if (mode === "recycle" && pool.length > 0) {
      pool.forEach((row, r) => {
        row.style.transform = `translateY(${((r + frame) % shape.rows) * 40}px)`;
        row.querySelectorAll("span").forEach((span, c) => {
          span.firstChild.nodeValue = `QC-${stamp}-${r}-${c}`;
        });
      });
    } else {
      host.textContent = "";
      for (let r = 0; r < shape.rows; r += 1) {
        const row = document.createElement("div");
        row.setAttribute("role", "row");
        row.className = "lotline-row";
        row.style.cssText = `${rowStyle};transform:translateY(${r * 40}px)`;
        for (let c = 0; c < shape.cells; c += 1) {
          const cell = row.appendChild(document.createElement("div"));
          cell.setAttribute("role", "gridcell");
          cell.style.cssText = "padding:0 10px;white-space:nowrap;font-size:14px";
          cell.appendChild(document.createElement("span")).textContent = `QC-${stamp}-${r}-${c}`;
        }
        host.appendChild(row);
        if (mode === "recycle") pool.push(row);
      }
    }
    frame += 1;
    if (frame === shape.frames) done();
    else requestAnimationFrame(step);
  };
  step();
}

const mode = process.env.CHURN_MODE ?? "new";
const app = await startApp({});
try {
  await sleep(10_000);
  const figures = { mode, start: appPss(app.driver.pid).processes };
  await app.browser.setTimeout({ script: 600_000 });
  for (let round = 1; round <= 4; round += 1) {
    await app.browser.executeAsync(drawRows, mode, { rows: ROWS, cells: CELLS, frames: FRAMES_PER_ROUND });
    figures[`after_${round * FRAMES_PER_ROUND * ROWS}_rows`] = appPss(app.driver.pid).processes;
  }
  await app.browser.execute(() => document.getElementById("churn-host")?.remove());
  await sleep(30_000);
  figures.after_removing = appPss(app.driver.pid).processes;
  console.log(JSON.stringify(figures, null, 2));
} finally {
  await app.stop();
}
