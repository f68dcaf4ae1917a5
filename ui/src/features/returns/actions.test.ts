import { availableActions, mayConfigure, mayOpen, mayPrintLabels } from "./actions";
import type { RmaStatus } from "./types";

const at = (
  status: RmaStatus,
  preferred_outcome = "refund",
  credit_issued_minor: number | null = null,
) => ({
  status,
  preferred_outcome,
  credit_issued_minor,
});

describe("RMA actions", () => {
  it("offers the steps of the status", () => {
    expect(availableActions(at("escalated"), ["admin"])).toEqual([
      "approve",
      "reject",
      "suspend",
      "cancel",
    ]);
    expect(availableActions(at("suspended"), ["returns_analyst"])).toEqual([
      "approve",
      "reject",
      "cancel",
    ]);
    expect(availableActions(at("settled"), ["admin"])).toEqual([]);
  });

  it("offers only what the user's roles allow", () => {
    expect(availableActions(at("escalated"), ["logistics"])).toEqual(["cancel"]);
    expect(availableActions(at("approved"), ["logistics"])).toEqual([
      "label",
      "in_transit",
      "receive",
      "cancel",
    ]);
    expect(availableActions(at("inspected"), ["finance"])).toEqual(["settle"]);
    expect(availableActions(at("inspected"), ["logistics"])).toEqual([]);
    expect(availableActions(at("escalated"), ["inspector"])).toEqual([]);
    expect(mayOpen(["finance"])).toBe(false);
    expect(mayConfigure(["quality_lead"])).toBe(true);
    expect(mayPrintLabels(["finance"])).toBe(false);
  });

  it("puts owed store credit first from approval until it is issued", () => {
    expect(availableActions(at("in_transit", "store_credit"), ["finance"])).toEqual([
      "issue_credit",
    ]);
    expect(availableActions(at("approved", "store_credit"), ["returns_analyst"])[0]).toBe(
      "issue_credit",
    );
    expect(availableActions(at("in_transit", "store_credit", 5000), ["finance"])).toEqual([]);
    expect(availableActions(at("escalated", "store_credit"), ["finance"])).toEqual([]);
    expect(availableActions(at("in_transit", "store_credit"), ["logistics"])).toEqual(["receive"]);
    // Once credit went out, only an analyst may cancel.
    expect(availableActions(at("approved", "store_credit", 5000), ["logistics"])).not.toContain(
      "cancel",
    );
    expect(availableActions(at("approved", "store_credit", 5000), ["returns_analyst"])).toContain(
      "cancel",
    );
  });
});
