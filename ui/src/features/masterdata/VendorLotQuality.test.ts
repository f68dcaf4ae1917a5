import { describe, expect, it } from "vitest";
import { percentOf } from "./VendorLotQuality";

describe("supplier quality per lot", () => {
  it("shows hundredths of a percent as a percentage, and nothing inspected as a dash", () => {
    expect(percentOf(467)).toBe("4.67 %");
    expect(percentOf(0)).toBe("0.00 %");
    expect(percentOf(null)).toBe("—");
  });
});
