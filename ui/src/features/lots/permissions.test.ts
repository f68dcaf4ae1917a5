import { holdActions, mayDo } from "./permissions";

describe("lot permissions", () => {
  it("lets the floor hold lots, and only the quality lead release them or recall", () => {
    expect(mayDo("hold", ["logistics"])).toBe(true);
    expect(mayDo("hold", ["inspector"])).toBe(true);
    expect(mayDo("hold", ["finance"])).toBe(false);
    expect(mayDo("release", ["logistics"])).toBe(false);
    expect(mayDo("release", ["quality_lead"])).toBe(true);
    expect(mayDo("recall", ["inspector"])).toBe(false);
    expect(mayDo("recall", ["admin"])).toBe(true);
  });

  it("offers a release only while a hold is in force", () => {
    expect(holdActions(0, ["quality_lead"])).toEqual(["hold"]);
    expect(holdActions(2, ["quality_lead"])).toEqual(["hold", "release"]);
    expect(holdActions(2, ["logistics"])).toEqual(["hold"]);
    expect(holdActions(2, ["finance"])).toEqual([]);
  });
});
