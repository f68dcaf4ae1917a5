import { describe, expect, it } from "vitest";
import { inspectUnitDefaults, toDispositions, toUnits, unitRows, worstGrade } from "./stepForms";

describe("intake per unit", () => {
  const lines = [{ serials: [] }, { serials: ["S-1", "S-2"] }];

  it("gives a row per unit received, per serial on a serial line, keeping grades given", () => {
    const rows = unitRows(lines, [2, 1], []);
    expect(rows).toEqual([
      { lineIndex: 0, serial: null, grade: "" },
      { lineIndex: 0, serial: null, grade: "" },
      { lineIndex: 1, serial: "S-1", grade: "" },
    ]);
    const graded = rows.map((r, i) => (i === 1 ? { ...r, grade: "C" as const } : r));
    // One more charger came back: the grade given to the second box stays.
    expect(unitRows(lines, [2, 2], graded).map((r) => [r.serial, r.grade])).toEqual([
      [null, ""],
      [null, "C"],
      ["S-1", ""],
      ["S-2", ""],
    ]);
  });

  it("takes the grade for every unit where a unit has none, and asks for the rest", () => {
    const rows = unitRows(lines, [2, 1], []).map((r, i) =>
      i === 0 ? { ...r, grade: "B" as const } : r,
    );
    expect(toUnits(rows, "")).toEqual({
      errors: { "unit.1": "returns.form.choose", "unit.2": "returns.form.choose" },
    });
    expect(toUnits(rows, "A")).toEqual({
      units: [
        { line_index: 0, grade: "B" },
        { line_index: 0, grade: "A" },
        { line_index: 1, serial: "S-1", grade: "A" },
      ],
    });
    expect(worstGrade(["A", "C", "B"])).toBe("C");
    expect(worstGrade([])).toBeNull();
  });

  it("offers a disposition per grade of a line, and per serial", () => {
    const rows = inspectUnitDefaults([
      { line_index: 0, grade: "C" },
      { line_index: 0, grade: "A" },
      { line_index: 0, grade: "C" },
      { line_index: 1, serial: "S-2", grade: "D" },
    ]);
    expect(rows.map((r) => [r.lineIndex, r.grade, r.qty, r.serials])).toEqual([
      [0, "A", "1", []],
      [0, "C", "2", []],
      [1, "D", "1", ["S-2"]],
    ]);
    const chosen = rows.map((r) => ({ ...r, disposition: "recycle" as const }));
    const out = toDispositions(chosen, "EUR");
    expect(
      "dispositions" in out && out.dispositions.map((d) => [d.grade, d.qty, d.serials]),
    ).toEqual([
      ["A", 1, []],
      ["C", 2, []],
      ["D", 1, ["S-2"]],
    ]);
  });
});
