import { describe, expect, it } from "vitest";
import { kitComponents } from "./AssembleKitModal";

describe("kitComponents", () => {
  it("sends rows with a lot and a quantity, lot codes as the backend keeps them", () => {
    expect(
      kitComponents([
        { sku: "BOX", lot_code: " bx-a ", qty: 4 },
        { sku: "BOX", lot_code: "", qty: 2 },
        { sku: "CHG", lot_code: "CH-1", qty: 0 },
      ]),
    ).toEqual([{ lot_code: "BX-A", qty: 4 }]);
  });
});
