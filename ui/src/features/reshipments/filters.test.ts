import { myQueue, NO_FILTERS, toListInput } from "./filters";

describe("reshipment filters", () => {
  it("maps roles to the team queue", () => {
    expect(myQueue(["inspector", "vendor_manager"])).toBe("vendor_management");
    expect(myQueue(["finance"])).toBe("finance");
    expect(myQueue(["logistics", "finance"])).toBe("logistics");
    expect(myQueue(["admin"])).toBeNull();
  });

  it("leaves empty filters out", () => {
    expect(toListInput(NO_FILTERS, 0, 50)).toEqual({
      text: null,
      status: null,
      queue: null,
      sla: null,
      offset: 0,
      limit: 50,
    });
    expect(
      toListInput({ text: " RS-1 ", status: "requested", queue: "finance", sla: "overdue" }, 10, 5),
    ).toEqual({
      text: "RS-1",
      status: "requested",
      queue: "finance",
      sla: "overdue",
      offset: 10,
      limit: 5,
    });
  });
});
