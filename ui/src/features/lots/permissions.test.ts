import { permissionsFor } from "../../testing/session";
import { holdActions, mayDo } from "./permissions";

// The permissions sign-in serves for each role.
const LOGISTICS = permissionsFor(["logistics"]);
const LEAD = permissionsFor(["quality_lead"]);
const FINANCE = permissionsFor(["finance"]);

describe("lot permissions", () => {
  it("follows the session's permissions: the floor holds lots, the quality lead releases and recalls", () => {
    expect(mayDo("hold", LOGISTICS)).toBe(true);
    expect(mayDo("hold", FINANCE)).toBe(false);
    expect(mayDo("release", LOGISTICS)).toBe(false);
    expect(mayDo("release", LEAD)).toBe(true);
    expect(mayDo("recall", LOGISTICS)).toBe(false);
    expect(mayDo("recall", LEAD)).toBe(true);
    expect(mayDo("move", LOGISTICS)).toBe(true);
  });

  it("offers a release only while a hold is in force", () => {
    expect(holdActions(0, LEAD)).toEqual(["hold"]);
    expect(holdActions(2, LEAD)).toEqual(["hold", "release"]);
    expect(holdActions(2, LOGISTICS)).toEqual(["hold"]);
    expect(holdActions(2, FINANCE)).toEqual([]);
  });
});
