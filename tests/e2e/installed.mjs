// The installed package, not the build tree: `cargo xtask test --only deb` installs the release .deb
// and runs this file with LOTLINE_APP=/usr/bin/lotline-desktop. On an empty data folder the app
// must show its first-start setup screen. Not a *.test.mjs file, so `npm test` leaves it out.

import assert from "node:assert/strict";
import { test } from "node:test";
import { startApp } from "./harness.mjs";

test("the installed app starts on an empty data folder and shows the setup screen", async () => {
  const app = await startApp();
  try {
    await app.step("installed-setup-screen", async () => {
      await app.waitFor("setup-company");
      await app.waitFor("setup-submit");
      const title = await app.browser.getTitle();
      assert.equal(title, "Lotline", "the window title is the product name");
    });
  } finally {
    await app.stop();
  }
});
