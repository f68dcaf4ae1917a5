import { mayConfigure, mayOpen, mayPrintLabels } from "./actions";

describe("returns screens per role", () => {
  it("shows opening, the policy and labels to those who may use them", () => {
    expect(mayOpen(["finance"])).toBe(false);
    expect(mayOpen(["logistics"])).toBe(true);
    expect(mayConfigure(["quality_lead"])).toBe(true);
    expect(mayPrintLabels(["finance"])).toBe(false);
  });
});
