import { redoLink, subjectLink } from "./links";

describe("subjectLink", () => {
  it("opens the record each kind of conflict is about", () => {
    expect(subjectLink("stock_below_zero", "L-1")).toEqual({
      to: "/lots/$lotCode",
      params: { lotCode: "L-1" },
    });
    expect(subjectLink("serial_recorded_twice", "CHG-15W/SN-0002")).toEqual({
      to: "/products",
      search: { text: "CHG-15W" },
    });
    expect(subjectLink("master_overwritten", "vendor/NLPK")).toEqual({
      to: "/vendors",
      search: { text: "NLPK" },
    });
    expect(subjectLink("master_overwritten", "settings/approval_policy")).toEqual({
      to: "/settings/approval-limits",
    });
    expect(subjectLink("master_overwritten", "settings/kpi_targets")).toBeNull();
    expect(subjectLink("recall_scope_grew", "RC-AMS1-000001")).toEqual({
      to: "/recalls/$recallNo",
      params: { recallNo: "RC-AMS1-000001" },
    });
    expect(subjectLink("dispositions_over_assigned", "QF-AMS1-000007")).toEqual({
      to: "/failures/$failureNo",
      params: { failureNo: "QF-AMS1-000007" },
    });
  });

  it("offers to do a refused RMA or reshipment again, nothing else", () => {
    expect(redoLink("rma_opened")).toBe("/returns/new");
    expect(redoLink("reshipment_requested")).toBe("/reshipments/new");
    expect(redoLink("rma_cancelled")).toBeNull();
  });
});
