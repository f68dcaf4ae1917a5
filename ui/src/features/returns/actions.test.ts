import { permissionsFor } from "../../testing/session";
import { mayConfigure, mayOpen, mayPrintLabels } from "./actions";

describe("returns screens per permission", () => {
  it.each([
    [mayOpen, permissionsFor(["finance"]), false],
    [mayOpen, permissionsFor(["logistics"]), true],
    [mayConfigure, permissionsFor(["quality_lead"]), true],
    [mayPrintLabels, permissionsFor(["finance"]), false],
    [mayOpen, ["view_data", "settle_rma"], false],
    [mayOpen, ["open_rma", "handle_returns"], true],
    [mayConfigure, ["configure_returns"], true],
    [mayConfigure, ["open_rma"], false],
    [mayPrintLabels, ["settle_rma"], false],
    [mayPrintLabels, ["handle_returns"], true],
  ])(
    "shows opening, the policy and labels as the session allows: %o with %j is %s",
    (may, permissions, allowed) => {
      expect(may(permissions)).toBe(allowed);
    },
  );
});
