import { describe, expect, it } from "vitest";
import { isOpen } from "./chargeback";

describe("chargebacks", () => {
  it("are open until recovered or written off", () => {
    expect(isOpen("open")).toBe(true);
    expect(isOpen("disputed")).toBe(true);
    expect(isOpen("recovered")).toBe(false);
    expect(isOpen("written_off")).toBe(false);
  });
});
