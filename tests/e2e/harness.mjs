// The end-to-end harness: starts the real Lotline desktop app through tauri-driver (WebDriver),
// on a fresh data folder, and gives tests a few helpers that fail with clear messages.
//
//   const app = await startApp();
//   try { await app.step("sign in", async () => { ... }); } finally { await app.stop(); }
//
// Environment:
//   LOTLINE_APP        the app binary (default: target/debug/lotline-desktop)
//   TAURI_DRIVER       the tauri-driver binary (default: found on PATH or in ~/.cargo/bin)
//   TAURI_DRIVER_PORT  its port (default 4444; the native WebDriver gets the next one)
//   E2E_KEEP_DATA=1    keep the temporary data folder after the run (its path is printed)
//   E2E_TIMEOUT_MS     default wait for an element (default 20000)
//   E2E_SCREENSHOT_DIR where screenshots go (default tests/e2e/screenshots)

import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { deflateSync as zlibDeflate } from "node:zlib";
import { remote } from "webdriverio";

export const E2E_DIR = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(E2E_DIR, "..", "..");
/** Where screenshots (and driver logs) go; CI keeps this folder as its artefact. E2E_SCREENSHOT_DIR moves it. */
export const SCREENSHOT_DIR = path.resolve(REPO_ROOT, process.env.E2E_SCREENSHOT_DIR ?? path.join(E2E_DIR, "screenshots"));
/** Written when the WebDriver session died mid-flow (the app's webview went away). */
export const SESSION_LOST = "SESSION-LOST.txt";

const DRIVER_PORT = Number(process.env.TAURI_DRIVER_PORT ?? 4444);
const NATIVE_PORT = DRIVER_PORT + 1;
export const TIMEOUT_MS = Number(process.env.E2E_TIMEOUT_MS ?? 20_000);
const EXE = process.platform === "win32" ? ".exe" : "";

/** The app binary, or a clear error saying how to build it. */
export function appPath() {
  const app = path.resolve(REPO_ROOT, process.env.LOTLINE_APP ?? path.join("target", "debug", `lotline-desktop${EXE}`));
  if (!fs.existsSync(app)) {
    throw new Error(
      `the desktop app is not built: ${app} is missing.\n` +
        "Build it with `cargo build -p lotline-desktop --features custom-protocol,e2e` (after `npm run build` in ui/), " +
        "or run everything with `cargo xtask test`.",
    );
  }
  return app;
}

/** A program on PATH (plus ~/.cargo/bin, where `cargo install` puts tauri-driver). */
export function findProgram(name) {
  const dirs = (process.env.PATH ?? "").split(path.delimiter).filter(Boolean);
  const cargoHome = process.env.CARGO_HOME ?? path.join(os.homedir(), ".cargo");
  dirs.push(path.join(cargoHome, "bin"));
  for (const dir of dirs) {
    const candidate = path.join(dir, `${name}${EXE}`);
    if (fs.existsSync(candidate)) return candidate;
  }
  return null;
}

function tauriDriverPath() {
  const driver = process.env.TAURI_DRIVER || findProgram("tauri-driver");
  if (!driver || !fs.existsSync(driver)) {
    throw new Error("tauri-driver is not installed: run `cargo install tauri-driver --locked` (or `cargo xtask test`).");
  }
  return driver;
}

/** On Linux tauri-driver drives WebKitGTK through WebKitWebDriver (Debian: webkit2gtk-driver). */
function nativeDriverArgs() {
  if (process.platform !== "linux") return [];
  const native = findProgram("WebKitWebDriver") ?? "/usr/bin/WebKitWebDriver";
  if (!fs.existsSync(native)) {
    throw new Error("WebKitWebDriver is missing: `apt-get install webkit2gtk-driver` (or run `cargo xtask test`).");
  }
  return ["--native-driver", native];
}

function portIsOpen(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Keeps the last lines a child printed, for error messages, and copies everything to a log file. */
function captureOutput(child, logFile) {
  const lines = [];
  const log = fs.createWriteStream(logFile, { flags: "a" });
  for (const stream of [child.stdout, child.stderr]) {
    stream.setEncoding("utf8");
    stream.on("data", (chunk) => {
      log.write(chunk);
      if (process.env.E2E_VERBOSE) process.stderr.write(chunk);
      lines.push(...chunk.split("\n").filter(Boolean));
      if (lines.length > 60) lines.splice(0, lines.length - 60);
    });
  }
  child.once("exit", () => log.end());
  return () => lines.join("\n");
}

/** Starts tauri-driver, opens a WebDriver session on the app and waits until the UI has rendered. */
export async function startApp({ dataDir: given } = {}) {
  const application = appPath();
  const driverPath = tauriDriverPath();
  const nativeArgs = nativeDriverArgs();
  if ((await portIsOpen(DRIVER_PORT)) || (await portIsOpen(NATIVE_PORT))) {
    throw new Error(
      `port ${DRIVER_PORT} or ${NATIVE_PORT} is already taken (another tauri-driver?); set TAURI_DRIVER_PORT to use another pair`,
    );
  }
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  // A folder the test prepared (with the CLI, say), or a new empty one.
  const dataDir = given ?? fs.mkdtempSync(path.join(os.tmpdir(), "lotline-e2e-"));
  // Where the app saves PDFs instead of asking with a native dialog nobody could answer here.
  const saveDir = path.join(dataDir, "saved");
  fs.mkdirSync(saveDir, { recursive: true });
  const logFile = path.join(SCREENSHOT_DIR, "tauri-driver.log");
  console.log(`e2e: app ${application}\ne2e: data folder ${dataDir}\ne2e: driver log ${logFile}`);

  // tauri-driver starts the native driver, which starts the app: all inherit this environment.
  // Its own process group (POSIX), so stopping it also stops the native driver and the app: an
  // orphaned WebKitWebDriver would keep our pipes open and the test process alive for ever.
  const ownGroup = process.platform !== "win32";
  const driver = spawn(driverPath, ["--port", String(DRIVER_PORT), "--native-port", String(NATIVE_PORT), ...nativeArgs], {
    env: { ...process.env, LOTLINE_DATA_DIR: dataDir, LOTLINE_SAVE_DIR: saveDir },
    stdio: ["ignore", "pipe", "pipe"],
    detached: ownGroup,
  });
  const driverOutput = captureOutput(driver, logFile);
  let driverExit = null;
  driver.once("exit", (code, signal) => {
    driverExit = { code, signal };
  });
  const killDriver = () => {
    try {
      if (ownGroup) process.kill(-driver.pid, "SIGKILL");
      else if (driverExit === null) driver.kill("SIGKILL");
    } catch {
      // the group is already gone
    }
    driver.stdout.destroy();
    driver.stderr.destroy();
  };
  process.once("exit", killDriver);

  const app = new App({ driver, dataDir, ownsData: !given, saveDir, driverOutput, killDriver, exited: () => driverExit });
  try {
    // tauri-driver listens at once but forwards to the native driver, which needs a moment more;
    // a session asked for before both listen fails with a refused connection.
    for (const [port, who] of [
      [DRIVER_PORT, "tauri-driver"],
      [NATIVE_PORT, "the native WebDriver"],
    ]) {
      const deadline = Date.now() + 30_000;
      while (!(await portIsOpen(port))) {
        if (driverExit) throw new Error(`tauri-driver exited (${JSON.stringify(driverExit)}):\n${driverOutput()}`);
        if (Date.now() > deadline) throw new Error(`${who} did not listen on port ${port} within 30 s:\n${driverOutput()}`);
        await sleep(100);
      }
    }
    app.browser = await newSession(application);
    await app.browser.waitUntil(
      () => app.browser.execute(() => document.readyState === "complete" && (document.body?.innerText ?? "").trim() !== ""),
      { timeout: 30_000, interval: 250, timeoutMsg: "the app's window stayed empty for 30 s (is ui/dist built and embedded?)" },
    );
    return app;
  } catch (err) {
    await app.stop();
    throw new Error(`could not start the app under WebDriver: ${err.message}\n--- tauri-driver output ---\n${driverOutput()}`, {
      cause: err,
    });
  }
}

/** A WebDriver session on the app; a refused or reset connection (driver still warming up) is retried. */
async function newSession(application) {
  const attempts = 4;
  for (let attempt = 1; ; attempt++) {
    try {
      return await remote({
        hostname: "127.0.0.1",
        port: DRIVER_PORT,
        logLevel: process.env.E2E_VERBOSE ? "info" : "silent",
        connectionRetryTimeout: 120_000,
        connectionRetryCount: 0,
        waitforTimeout: TIMEOUT_MS,
        capabilities: {
          "tauri:options": { application },
          // WebKitWebDriver speaks classic WebDriver; do not ask for a BiDi session.
          "wdio:enforceWebDriverClassic": true,
        },
      });
    } catch (err) {
      const transient = /UND_ERR_SOCKET|ECONNREFUSED|ECONNRESET|Connection refused/.test(String(err?.message));
      if (!transient || attempt === attempts) throw err;
      console.warn(`e2e: the WebDriver session was refused (attempt ${attempt} of ${attempts}); retrying in 2 s`);
      await sleep(2_000);
    }
  }
}

/**
 * WebKitWebDriver takes a screenshot after the page's next paint. When the app paints without
 * compositing (the default on Linux, src-tauri/src/webview.rs), a page that has
 * settled paints nothing more, so a screenshot of it waited for WebDriver's two-minute timeout and
 * failed. Touching one invisible pixel each frame for two seconds gives it the paint it waits for.
 */
function keepPainting() {
  const dot = document.createElement("div");
  dot.setAttribute("aria-hidden", "true");
  dot.style.cssText = "position:fixed;left:0;bottom:0;width:1px;height:1px;pointer-events:none;opacity:0";
  document.body.appendChild(dot);
  const until = performance.now() + 2_000;
  const tick = (now) => {
    dot.style.opacity = dot.style.opacity === "0" ? "0.004" : "0";
    if (now < until) requestAnimationFrame(tick);
    else dot.remove();
  };
  requestAnimationFrame(tick);
}

class App {
  constructor({ driver, dataDir, ownsData, saveDir, driverOutput, killDriver, exited }) {
    /** @type {WebdriverIO.Browser | null} */
    this.browser = null;
    this.dataDir = dataDir;
    /** A folder the test gave is the test's to remove; the folder startApp made is removed at stop. */
    this.ownsData = ownsData;
    /** Files the app "saves" land here (LOTLINE_SAVE_DIR). */
    this.saveDir = saveDir;
    this.driver = driver;
    this.driverOutput = driverOutput;
    this.killDriver = killDriver;
    this.exited = exited;
    this.shots = fs.existsSync(SCREENSHOT_DIR) ? fs.readdirSync(SCREENSHOT_DIR).filter((f) => f.endsWith(".png")).length : 0;
  }

  /** The element with `data-testid="id"` (it may not exist yet). */
  byTestId(id) {
    return this.browser.$(`[data-testid="${id}"]`);
  }

  /** All elements with `data-testid="id"`. */
  allByTestId(id) {
    return this.browser.$$(`[data-testid="${id}"]`);
  }

  /** Waits until `data-testid="id"` is displayed and returns it. */
  async waitFor(id, timeout = TIMEOUT_MS) {
    const el = this.byTestId(id);
    await el.waitForDisplayed({ timeout, timeoutMsg: `data-testid="${id}" was not displayed within ${timeout / 1000} s` });
    return el;
  }

  /** Waits until `data-testid="id"` exists (displayed or not, e.g. a hidden file input). */
  async waitForExist(id, timeout = TIMEOUT_MS) {
    const el = this.byTestId(id);
    await el.waitForExist({ timeout, timeoutMsg: `data-testid="${id}" did not appear within ${timeout / 1000} s` });
    return el;
  }

  async click(id, timeout = TIMEOUT_MS) {
    const el = await this.waitFor(id, timeout);
    // WebDriver scrolls an element into view only when it lies outside the viewport; one inside it
    // but under the fixed header (the page scrolled down to a graph) is refused as "intercepted".
    // A person scrolls it out from under the header first; so does this.
    await this.browser.execute((target) => {
      const box = target.getBoundingClientRect();
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      if (!hit || !(hit === target || target.contains(hit))) target.scrollIntoView({ block: "center", inline: "nearest" });
    }, el);
    await el.waitForClickable({ timeout, timeoutMsg: `data-testid="${id}" was not clickable within ${timeout / 1000} s` });
    await el.click();
    return el;
  }

  /** Replaces the value of a text or number input. */
  async fill(id, value) {
    const el = await this.waitFor(id);
    await el.click();
    // Select-all + Backspace goes through the keyboard, so React (controlled inputs) sees it.
    if ((await el.getValue()) !== "") {
      await this.browser.keys([process.platform === "darwin" ? "Meta" : "Control", "a"]);
      await this.browser.keys(["Backspace"]);
      if ((await el.getValue()) !== "") await el.clearValue();
    }
    await el.addValue(String(value));
    return el;
  }

  /** Chooses an option of a native <select> by value, or by index when `value` is a number. */
  async select(id, value) {
    const el = await this.waitFor(id);
    const tag = (await el.getTagName()).toLowerCase();
    if (tag !== "select") throw new Error(`data-testid="${id}" is a <${tag}>, not a <select>`);
    await this.browser.waitUntil(async () => (await el.$$("option")).length > (typeof value === "number" ? value : 0), {
      timeout: TIMEOUT_MS,
      timeoutMsg: `the <select> data-testid="${id}" got no options within ${TIMEOUT_MS / 1000} s`,
    });
    if (typeof value === "number") await el.selectByIndex(value);
    else await el.selectByAttribute("value", value);
    return el;
  }

  /** The text of `data-testid="id"` once it matches `expected` (a string it contains, or a RegExp). */
  async waitForText(id, expected, timeout = TIMEOUT_MS) {
    const el = await this.waitFor(id, timeout);
    let last = "";
    const matches = (text) => (expected instanceof RegExp ? expected.test(text) : text.includes(expected));
    await this.browser.waitUntil(
      async () => {
        last = (await el.getText()).trim();
        return matches(last);
      },
      { timeout, interval: 200, timeoutMsg: `data-testid="${id}" should show ${expected}; it shows "${last}"` },
    );
    return last;
  }

  /** Waits until exactly `count` elements (or at least, with `atLeast`) carry `data-testid="id"`. */
  async waitForCount(id, count, { atLeast = false, timeout = TIMEOUT_MS } = {}) {
    let seen = 0;
    await this.browser.waitUntil(
      async () => {
        seen = (await this.allByTestId(id)).length;
        return atLeast ? seen >= count : seen === count;
      },
      {
        timeout,
        interval: 200,
        timeoutMsg: `expected ${atLeast ? "at least " : ""}${count} × data-testid="${id}", found ${seen}`,
      },
    );
    return this.allByTestId(id);
  }

  /** Saves a PNG of the window as screenshots/NN-name.png; never fails the test. */
  async screenshot(name) {
    if (!this.browser) return null;
    this.shots += 1;
    const file = path.join(SCREENSHOT_DIR, `${String(this.shots).padStart(2, "0")}-${name.replace(/[^\w.-]+/g, "-")}.png`);
    try {
      await this.browser.execute(keepPainting);
      await this.browser.saveScreenshot(file);
      return file;
    } catch (err) {
      console.warn(`e2e: screenshot ${file} failed: ${err.message}`);
      return null;
    }
  }

  /**
   * One named step of a flow: runs it, then takes a screenshot named after it. When it fails it
   * saves a screenshot and the page's HTML as `NN-FAILED-name.*` and says which step failed.
   */
  async step(name, body) {
    const started = Date.now();
    try {
      const result = await body();
      await this.screenshot(name);
      console.log(`e2e: ✓ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      return result;
    } catch (err) {
      const shot = await this.screenshot(`FAILED-${name}`);
      if (shot && this.browser) {
        try {
          fs.writeFileSync(shot.replace(/\.png$/, ".html"), await this.browser.getPageSource());
        } catch {
          // the session may be gone; the error below says why
        }
      }
      // The webview (not a check) went away: leave a mark so the runner can tell this apart.
      if (/invalid session id/i.test(String(err?.message))) {
        fs.appendFileSync(path.join(SCREENSHOT_DIR, SESSION_LOST), `${name}: ${err.message}\n`);
      }
      const exited = this.exited();
      const hint = exited ? `\n(tauri-driver has exited: ${JSON.stringify(exited)})\n${this.driverOutput()}` : "";
      throw new Error(`step "${name}" failed: ${err.message}${hint}`, { cause: err });
    }
  }

  /** Ends the session, stops tauri-driver (and with it the app) and removes the data folder. */
  async stop() {
    if (this.browser) {
      try {
        await Promise.race([this.browser.deleteSession(), sleep(10_000)]);
      } catch (err) {
        console.warn(`e2e: deleting the WebDriver session failed: ${err.message}`);
      }
      this.browser = null;
    }
    if (this.exited() === null) {
      this.driver.kill("SIGTERM"); // tauri-driver stops its native driver on SIGTERM
      for (let i = 0; i < 50 && this.exited() === null; i++) await sleep(100);
    }
    this.killDriver(); // whatever of the group is left, and our ends of its pipes
    process.removeListener("exit", this.killDriver);
    if (process.env.E2E_KEEP_DATA) {
      console.log(`e2e: kept the data folder ${this.dataDir}`);
    } else if (this.ownsData) {
      fs.rmSync(this.dataDir, { recursive: true, force: true });
    }
  }
}

/** A small valid PNG (a 16×16 red square with a dark border) written to a temp file; returns its absolute path. */
export function writePngFixture(name = "defect-photo.png") {
  const size = 16;
  const raw = Buffer.alloc(size * (1 + size * 3));
  for (let y = 0; y < size; y++) {
    raw[y * (1 + size * 3)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const edge = x === 0 || y === 0 || x === size - 1 || y === size - 1;
      raw.set(edge ? [40, 40, 40] : [220, 30, 30], y * (1 + size * 3) + 1 + x * 3);
    }
  }
  const chunk = (type, data) => {
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlibDeflate(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lotline-e2e-fixture-"));
  const file = path.join(dir, name);
  fs.writeFileSync(file, png);
  return file;
}

function crc32(buf) {
  let crc = 0xffffffff;
  for (const byte of buf) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
