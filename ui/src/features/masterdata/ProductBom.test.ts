import { describe, expect, it } from "vitest";
import { bomToSave, mayEditMasterData } from "./ProductBom";

describe("bomToSave", () => {
  it("trims component SKUs and leaves blank rows out", () => {
    expect(
      bomToSave([
        { component_sku: " BOX-5L ", qty_per: 2 },
        { component_sku: "  ", qty_per: 1 },
      ]),
    ).toEqual([{ component_sku: "BOX-5L", qty_per: 2 }]);
  });
});

describe("mayEditMasterData", () => {
  it("follows the master data permission", () => {
    expect(mayEditMasterData(["logistics"])).toBe(true);
    expect(mayEditMasterData(["inspector", "finance"])).toBe(false);
  });
});
