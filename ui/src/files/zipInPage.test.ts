import { strFromU8, unzipSync, zip } from "fflate";
import { describe, expect, it } from "vitest";
import { zip as zipInPage } from "./zipInPage";

describe("zip on the page", () => {
  it("is what `fflate` resolves to, for write-excel-file as for everyone", () => {
    expect(zip).toBe(zipInPage);
  });

  it("zips files past fflate's worker threshold without a worker", async () => {
    const big = new TextEncoder().encode("<row/>".repeat(60_000));
    const archive = await new Promise<Uint8Array>((resolve, reject) =>
      zipInPage({ "a.xml": big, "b.xml": new Uint8Array([1, 2]) }, { level: 6 }, (err, data) =>
        err ? reject(err) : resolve(data),
      ),
    );
    const files = unzipSync(archive);
    expect(strFromU8(files["a.xml"] ?? new Uint8Array())).toBe(strFromU8(big));
    expect([...(files["b.xml"] ?? [])]).toEqual([1, 2]);
  });

  it("calls back after returning, and not at all once terminated", async () => {
    const events: string[] = [];
    const stop = zipInPage({ "a.txt": new Uint8Array([1]) }, () => events.push("done"));
    events.push("returned");
    stop();
    await new Promise((r) => setTimeout(r, 0));
    expect(events).toEqual(["returned"]);
  });
});
