import { availableActions, mayConfigure, mayOpen, mayPrintLabels } from "./actions";

describe("RMA actions", () => {
  it("offers the steps of the status", () => {
    expect(availableActions("escalated", ["admin"])).toEqual([
      "approve",
      "reject",
      "suspend",
      "cancel",
    ]);
    expect(availableActions("suspended", ["returns_analyst"])).toEqual([
      "approve",
      "reject",
      "cancel",
    ]);
    expect(availableActions("settled", ["admin"])).toEqual([]);
  });

  it("offers only what the user's roles allow", () => {
    expect(availableActions("escalated", ["logistics"])).toEqual(["cancel"]);
    expect(availableActions("approved", ["logistics"])).toEqual([
      "label",
      "in_transit",
      "receive",
      "cancel",
    ]);
    expect(availableActions("inspected", ["finance"])).toEqual(["settle"]);
    expect(availableActions("inspected", ["logistics"])).toEqual([]);
    expect(availableActions("escalated", ["inspector"])).toEqual([]);
    expect(mayOpen(["finance"])).toBe(false);
    expect(mayConfigure(["quality_lead"])).toBe(true);
    expect(mayPrintLabels(["finance"])).toBe(false);
  });
});
