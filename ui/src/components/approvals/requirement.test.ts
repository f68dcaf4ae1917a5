import { refusalParams, requirementSentence } from "./requirement";

const base = {
  approvals: 1,
  finance_needed: false,
  total_minor: 12000,
  currency: "EUR",
  comparable: true,
};

describe("requirementSentence", () => {
  it("says one approval covering the total", () => {
    expect(requirementSentence(base, "en")).toEqual({
      key: "reshipment.approvals.one",
      params: { total: "€120.00" },
    });
  });
  it("says two approvals with one from finance", () => {
    expect(requirementSentence({ ...base, approvals: 2, finance_needed: true }, "en").key).toBe(
      "reshipment.approvals.two_with_finance",
    );
  });
  it("says none when the requester's limit covers it", () => {
    expect(requirementSentence({ ...base, approvals: 0 }, "en").key).toBe(
      "reshipment.approvals.none_needed",
    );
  });
  it("says only unlimited approvers when the currency differs", () => {
    expect(requirementSentence({ ...base, comparable: false }, "en").key).toBe(
      "reshipment.approvals.unlimited_needed",
    );
  });
  it("formats refusal params", () => {
    expect(refusalParams(5000, base, "en")).toEqual({ limit: "€50.00", total: "€120.00" });
    const dutch = refusalParams(null, base, "nl");
    expect(dutch.limit).toBe("—");
    expect(dutch.total).toMatch(/^€\s120,00$/);
  });
});
