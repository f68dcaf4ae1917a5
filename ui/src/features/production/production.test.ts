import {
  categoryName,
  mayDecideBlocks,
  mayRecordComplaints,
  mayRunWorkOrders,
  wholeOrNull,
} from "./production";

describe("production", () => {
  it("lets only quality leads and admins decide on blocks", () => {
    expect(mayDecideBlocks(["quality_lead"])).toBe(true);
    expect(mayDecideBlocks(["inspector", "logistics"])).toBe(false);
    expect(mayRunWorkOrders(["logistics"])).toBe(true);
    expect(mayRunWorkOrders(["finance"])).toBe(false);
    expect(mayRecordComplaints(["returns_analyst"])).toBe(true);
    expect(mayRecordComplaints(["inspector"])).toBe(false);
  });

  it("names a category in the UI language, English when it has no name there", () => {
    const c = {
      code: "FUN",
      name_en: "Functional",
      name_zh: "功能故障",
      name_nl: "",
      active: true,
    };
    expect(categoryName(c, "zh-CN")).toBe("功能故障");
    expect(categoryName(c, "nl")).toBe("Functional");
    expect(categoryName(c, "en")).toBe("Functional");
  });

  it("reads an empty number field as none, and rounds a typed one", () => {
    expect(wholeOrNull("")).toBeNull();
    expect(wholeOrNull(3.6)).toBe(4);
  });
});
