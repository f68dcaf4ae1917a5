import { describe, expect, it } from "vitest";
import { bytesToBase64 } from "./base64";

describe("bytesToBase64", () => {
  it("encodes as the standard alphabet does", () => {
    expect(bytesToBase64(new TextEncoder().encode("Lotline"))).toBe("TG90bGluZQ==");
    expect(bytesToBase64(new Uint8Array([0, 255, 254, 1]).buffer)).toBe("AP/+AQ==");
    expect(bytesToBase64(new Uint8Array())).toBe("");
  });

  it("encodes files far larger than one call's argument limit", () => {
    const bytes = new Uint8Array(3_000_001).map((_, i) => (i * 7) % 256);
    const encoded = bytesToBase64(bytes);
    expect(encoded).toBe(Buffer.from(bytes).toString("base64"));
  });
});
