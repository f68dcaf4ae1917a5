import { redoLink, subjectLink } from "./links";

/** Each kind of conflict, the record it names, and the page that record opens on. */
const SUBJECTS: [...Parameters<typeof subjectLink>, ReturnType<typeof subjectLink>][] = [
  ["stock_below_zero", "L-1", { to: "/lots/$lotCode", params: { lotCode: "L-1" } }],
  ["serial_recorded_twice", "CHG-15W/SN-0002", { to: "/products", search: { text: "CHG-15W" } }],
  ["master_overwritten", "vendor/NLPK", { to: "/vendors", search: { text: "NLPK" } }],
  ["master_overwritten", "settings/approval_policy", { to: "/settings/approval-limits" }],
  ["master_overwritten", "settings/kpi_targets", null],
  [
    "recall_scope_grew",
    "RC-AMS1-000001",
    { to: "/recalls/$recallNo", params: { recallNo: "RC-AMS1-000001" } },
  ],
  [
    "dispositions_over_assigned",
    "QF-AMS1-000007",
    { to: "/failures/$failureNo", params: { failureNo: "QF-AMS1-000007" } },
  ],
];

describe("subjectLink", () => {
  it.each(SUBJECTS)("links a %s conflict about %s to its record", (kind, subject, link) => {
    expect(subjectLink(kind, subject)).toEqual(link);
  });

  it("offers to do a refused RMA or reshipment again, nothing else", () => {
    expect(redoLink("rma_opened")).toBe("/returns/new");
    expect(redoLink("reshipment_requested")).toBe("/reshipments/new");
    expect(redoLink("rma_cancelled")).toBeNull();
  });
});
