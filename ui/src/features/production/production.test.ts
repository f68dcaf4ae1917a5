import {
  categoryName,
  mayDecideBlocks,
  mayRecordComplaints,
  mayRunWorkOrders,
  wholeOrNull,
} from "./production";

describe("production", () => {
  it("reads what a person may do from the permissions their session holds", () => {
    expect(mayDecideBlocks(["view_data", "release_holds"])).toBe(true);
    expect(mayDecideBlocks(["view_data", "record_lots"])).toBe(false);
    expect(mayRunWorkOrders(["record_lots"])).toBe(true);
    expect(mayRunWorkOrders(["view_data"])).toBe(false);
    expect(mayRecordComplaints(["record_complaints"])).toBe(true);
    expect(mayRecordComplaints(["log_failure"])).toBe(false);
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
