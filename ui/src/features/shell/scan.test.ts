import { describe, expect, it } from "vitest";
import { cleanScan, hitPath } from "./scan";

describe("cleanScan", () => {
  it("removes AIM prefixes and the scanner's carriage return", () => {
    expect(cleanScan("]C1QF-AMS1-000001\r")).toBe("QF-AMS1-000001");
    expect(cleanScan("]d20104006381333931")).toBe("0104006381333931");
  });
  it("keeps ordinary typed text", () => {
    expect(cleanScan("  scratch ")).toBe("scratch");
    expect(cleanScan("]")).toBe("]");
  });
});

describe("hitPath", () => {
  it("opens failures by number and lists others filtered by key", () => {
    expect(hitPath("failure", "QF-AMS1-000001")).toEqual({ to: "/failures/QF-AMS1-000001" });
    expect(hitPath("product", "CBL-USBC-2M")).toEqual({
      to: "/products",
      search: { text: "CBL-USBC-2M" },
    });
  });
  it("opens a lot's own page, its code escaped for the URL", () => {
    expect(hitPath("lot", "L2024/07 A")).toEqual({ to: "/lots/L2024%2F07%20A" });
  });
});
