import { describe, expect, it } from "vitest";
import { bomToSave } from "./ProductBom";

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
