import { describe, expect, it } from "vitest";
import { SCAR_STEPS, stepNeeds } from "./scar";

describe("scar steps", () => {
  it("go in the backend's order and ask for what each step needs", () => {
    expect(SCAR_STEPS[0]).toBe("draft");
    expect(SCAR_STEPS.at(-1)).toBe("closed");
    expect(stepNeeds("sent")).toEqual({ due: true, text: false, actions: false });
    expect(stepNeeds("root_cause_received")).toEqual({ due: false, text: true, actions: true });
  });
});
