// @vitest-environment node
import { describe, expect, it } from "vitest";
import { fileToBase64 } from "./files";

describe("fileToBase64", () => {
  it("encodes bytes exactly, including large files in chunks", async () => {
    expect(await fileToBase64(new Blob([new Uint8Array([137, 80, 78, 71])]))).toBe("iVBORw==");
    const big = new Uint8Array(100_000).map((_, i) => i % 251);
    const decoded = Uint8Array.from(atob(await fileToBase64(new Blob([big]))), (c) =>
      c.charCodeAt(0),
    );
    expect(decoded).toEqual(big);
  });
});
