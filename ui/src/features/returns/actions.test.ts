import { permissionsFor } from "../../testing/session";
import { mayConfigure, mayOpen, mayPrintLabels } from "./actions";

describe("returns screens per permission", () => {
  it("shows opening, the policy and labels to those the session allows", () => {
    expect(mayOpen(permissionsFor(["finance"]))).toBe(false);
    expect(mayOpen(permissionsFor(["logistics"]))).toBe(true);
    expect(mayConfigure(permissionsFor(["quality_lead"]))).toBe(true);
    expect(mayPrintLabels(permissionsFor(["finance"]))).toBe(false);
    expect(mayOpen(["view_data", "settle_rma"])).toBe(false);
    expect(mayOpen(["open_rma", "handle_returns"])).toBe(true);
    expect(mayConfigure(["configure_returns"])).toBe(true);
    expect(mayConfigure(["open_rma"])).toBe(false);
    expect(mayPrintLabels(["settle_rma"])).toBe(false);
    expect(mayPrintLabels(["handle_returns"])).toBe(true);
  });
});
