// Text that does not fit (issue 20). With the demo data, in English, Chinese and Dutch, every
// status and verdict badge, every key column (numbers, codes, dates) and the AQL value select on
// the lists and forms people use is checked in the real webview: nothing is cut (an element or a
// clipping ancestor narrower than its text, an ellipsis that applies) and no button spills out of
// its card. jsdom lays nothing out, so this can only be checked here. Screenshots of each screen
// in each language go to screenshots/fit-<language>-<screen>.png.

import assert from "node:assert/strict";
import { test } from "node:test";
import { checkBox, SLOW_MS, setUpDesk } from "./flows.mjs";
import { startApp, TIMEOUT_MS } from "./harness.mjs";

const ADMIN = { username: "fit.admin", name: "Fit Admin", password: "e2e-Secret-2026!" };
const LANGUAGES = ["en", "zh-CN", "nl"];

/**
 * Runs in the webview: what on the page is cut. Looks at badges, key cells (`data-fit`), native
 * selects and buttons; returns one line per problem, and how many elements it looked at.
 */
function findCuts() {
  const problems = [];
  const describe = (el) => `${el.getAttribute("data-testid") ?? el.className.toString().split(" ").find((c) => c.startsWith("mantine-")) ?? el.tagName} "${el.textContent.trim().slice(0, 40)}"`;
  const clips = (el) => {
    const s = getComputedStyle(el);
    return s.overflowX === "hidden" || s.overflowX === "clip";
  };
  const cut = (el) => el.scrollWidth > el.clientWidth + 1;
  const visible = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
  const checkText = (el) => {
    if (!visible(el)) return;
    for (const node of [el, ...el.querySelectorAll("*")]) {
      if (clips(node) && cut(node)) problems.push(`${describe(el)}: ${describe(node)} is ${node.scrollWidth}px of text in ${node.clientWidth}px`);
      const s = getComputedStyle(node);
      if (s.textOverflow === "ellipsis" && cut(node)) problems.push(`${describe(el)}: an ellipsis applies to ${describe(node)}`);
    }
    // A clipping ancestor (a table cell, a card) that is narrower than what it holds cuts it too.
    for (let up = el.parentElement, depth = 0; up && depth < 4; up = up.parentElement, depth++) {
      if (clips(up) && cut(up) && up.getBoundingClientRect().right < el.getBoundingClientRect().right - 1) {
        problems.push(`${describe(el)} is cut by ${describe(up)}`);
        break;
      }
    }
  };
  let checked = 0;
  for (const el of document.querySelectorAll(".mantine-Badge-root, [data-fit]")) {
    if (visible(el)) checked++;
    checkText(el);
  }
  const canvas = document.createElement("canvas").getContext("2d");
  for (const select of document.querySelectorAll("select")) {
    if (!visible(select)) continue;
    const s = getComputedStyle(select);
    canvas.font = `${s.fontWeight} ${s.fontSize} ${s.fontFamily}`;
    checked++;
    const text = select.selectedOptions[0]?.textContent ?? "";
    const room = select.clientWidth - Number.parseFloat(s.paddingLeft) - Number.parseFloat(s.paddingRight);
    if (canvas.measureText(text).width > room + 1) problems.push(`select ${describe(select)} shows "${text}" in ${room}px`);
  }
  for (const button of document.querySelectorAll(".mantine-Button-root")) {
    if (!visible(button)) continue;
    checked++;
    // The card it sits in, unless a scrolling box (a wide table's) comes first: that one scrolls.
    let card = button.parentElement;
    while (card && !card.matches(".mantine-Paper-root, .mantine-Modal-content") && !["auto", "scroll"].includes(getComputedStyle(card).overflowX)) {
      card = card.parentElement;
    }
    if (card?.matches(".mantine-Paper-root, .mantine-Modal-content") && button.getBoundingClientRect().right > card.getBoundingClientRect().right + 1) {
      problems.push(`button ${describe(button)} spills out of ${describe(card)}`);
    }
    const label = button.querySelector(".mantine-Button-label");
    if (label && clips(label) && cut(label)) problems.push(`button ${describe(button)} is cut`);
  }
  // A row of buttons (a dialog's Cancel / Save / Print) where one wrapped alone onto a new line.
  for (const group of document.querySelectorAll(".mantine-Group-root")) {
    const buttons = [...group.children].filter((c) => c.matches(".mantine-Button-root") && visible(c));
    if (buttons.length < 2) continue;
    const tops = new Set(buttons.map((b) => Math.round(b.getBoundingClientRect().top / 8)));
    if (tops.size > 1) problems.push(`the buttons ${buttons.map(describe).join(", ")} do not share a line`);
  }
  return { problems, checked };
}

/** Adds what is cut on the screen to `found`, and says so at once (a later step may fail). */
async function record(app, found, where) {
  const { problems, checked } = await app.browser.execute(findCuts);
  assert.ok(checked > 0, `${where}: nothing to check was found on the screen`);
  for (const problem of problems) {
    found.push(`${where}: ${problem}`);
    console.log(`cut: ${where}: ${problem}`);
  }
}

/** Goes to a screen by its address and waits until `ready` (a CSS selector) shows. */
async function open(app, hash, ready) {
  await app.browser.execute((h) => {
    window.location.hash = h;
  }, hash);
  await app.browser.waitUntil(() => app.browser.execute((sel) => Boolean(document.querySelector(sel)), ready), {
    timeout: SLOW_MS,
    interval: 250,
    timeoutMsg: `${hash} did not show ${ready}`,
  });
  // Fonts, badges and measured columns settle a frame or two after the data.
  await app.browser.pause(600);
}

async function switchLanguage(app, language) {
  await app.click("user-menu");
  await app.click(`lang-${language}`);
  await app.browser.waitUntil(() => app.browser.execute((l) => document.documentElement.lang === l, language), {
    timeout: TIMEOUT_MS,
    timeoutMsg: `the page did not switch to ${language}`,
  });
  await app.browser.keys(["Escape"]);
}

/** An RMA at intake (received or inspected), whose lines offer "log a QC failure". */
async function rmaAtIntake(app) {
  await open(app, "/returns", '[data-testid="rmas-row"]');
  return app.browser.execute(
    () => document.querySelector('[data-testid="rmas-row"][data-status="received"], [data-testid="rmas-row"][data-status="inspected"]')?.dataset.no ?? null,
  );
}

test("fit: badges, key columns and buttons are never cut, in English, Chinese and Dutch", { timeout: 15 * 60_000 }, async () => {
  const app = await startApp();
  const found = [];
  try {
    await setUpDesk(app, { admin: ADMIN });
    const intake = await rmaAtIntake(app);
    assert.ok(intake, "the demo data has an RMA at intake");
    const screens = [
      ["failures", "/failures", '[data-testid="failure-row"]'],
      ["returns", "/returns", '[data-testid="rmas-row"]'],
      ["rma-intake", `/returns/${intake}`, '[data-testid^="rma-log-failure-"]'],
      ["reshipments", "/reshipments", '[data-testid="reshipments-row"]'],
      ["lots", "/lots", '[data-testid="lot-row"]'],
      ["orders", "/orders", ".lotline-row"],
      ["kpis", "/reports?tab=kpis", '[data-testid="kpi-row"]'],
    ];
    for (const language of LANGUAGES) {
      await app.step(`fit-${language}`, async () => {
        await switchLanguage(app, language);
        for (const [name, hash, ready] of screens) {
          await open(app, hash, ready);
          await app.screenshot(`fit-${language}-${name}`);
          await record(app, found, `${language} ${name}`);
        }
        // The AQL panel of a new failure: its value selects and verdicts.
        await open(app, "/failures/new", '[data-testid="ff-use-aql"]');
        await checkBox(app, "ff-use-aql");
        await app.fill("aql-lot-size", "500");
        await app.fill("aql-found-major", "5");
        await app.browser.waitUntil(() => app.browser.execute(() => document.querySelectorAll("[data-testid='aql-verdict'] .mantine-Badge-root").length > 0), {
          timeout: TIMEOUT_MS,
          timeoutMsg: "the AQL panel gave no verdict",
        });
        await app.browser.pause(400);
        await app.screenshot(`fit-${language}-aql`);
        await record(app, found, `${language} aql`);
        // The labels dialog: its buttons.
        await open(app, "/returns", '[data-testid="rmas-select"]');
        await app.browser.execute(() => document.querySelector('[data-testid="rmas-select"]')?.click());
        await app.click("rmas-print-labels");
        await app.browser.pause(600);
        await app.screenshot(`fit-${language}-labels`);
        await record(app, found, `${language} labels`);
        await app.browser.keys(["Escape"]);
      });
    }
    assert.deepEqual(found, [], `cut text:\n${found.join("\n")}`);
  } finally {
    await app.stop();
  }
});
