import {
  INTAKE_UNANSWERED,
  inspectDefaults,
  placeDispositionField,
  settleDefaults,
  toDispositions,
  toIntakeChecks,
  toSettlement,
} from "./stepForms";
import type { RmaDetail } from "./types";

const detail = {
  paid_for_received_minor: 10000,
  policy_fee_minor: 1000,
  currency: "EUR",
  replacement_nos: ["RS-1", "RS-2"],
  settling_replacement_no: "RS-1",
  credit_issued_minor: null,
  opening: { preferred_outcome: "refund" },
} as unknown as RmaDetail;

describe("RMA step forms", () => {
  it("settles credit issued ahead of the goods as exactly that credit", () => {
    const form = settleDefaults({ ...detail, credit_issued_minor: 12000 });
    expect(form.kind).toBe("store_credit");
    expect(toSettlement(form, "EUR")).toEqual({
      settlement: { kind: "store_credit", amount_minor: 12000 },
    });
  });

  it("prefills the refund as what was paid, with the policy fee kept from it", () => {
    const form = settleDefaults(detail);
    expect(form).toEqual({
      kind: "refund",
      refund: "100.00",
      fee: "10.00",
      credit: "100.00",
      // The replacement the backend says may settle it, not merely the newest one.
      reshipmentNo: "RS-1",
    });
    expect(toSettlement(form, "EUR")).toEqual({
      settlement: { kind: "refund", amount_minor: 10000, restocking_fee_minor: 1000 },
    });
  });

  it("maps credit and exchange, and names bad money", () => {
    const form = settleDefaults(detail);
    expect(toSettlement({ ...form, kind: "store_credit" }, "EUR")).toEqual({
      settlement: { kind: "store_credit", amount_minor: 10000 },
    });
    expect(toSettlement({ ...form, kind: "exchange", reshipmentNo: " RS-1 " }, "EUR")).toEqual({
      settlement: { kind: "exchange", reshipment_no: "RS-1" },
    });
    expect(toSettlement({ ...form, refund: "lots" }, "EUR")).toEqual({
      errors: { amount_minor: "money.bad_amount" },
    });
  });

  it("reads amounts in the RMA's currency: whole yen", () => {
    const yen = {
      ...detail,
      currency: "JPY",
      paid_for_received_minor: 1234,
      policy_fee_minor: 123,
    };
    const form = settleDefaults(yen);
    expect([form.refund, form.fee]).toEqual(["1234", "123"]);
    expect(toSettlement(form, "JPY")).toEqual({
      settlement: { kind: "refund", amount_minor: 1234, restocking_fee_minor: 123 },
    });
    expect(toSettlement({ ...form, fee: "12.3" }, "JPY")).toEqual({
      errors: { restocking_fee_minor: "money.no_decimals" },
    });
  });

  it("offers a row per received line with no disposition chosen, and maps them once chosen", () => {
    const rows = inspectDefaults([2, 0, 1]);
    expect(rows.map((r) => [r.lineIndex, r.qty, r.disposition])).toEqual([
      [0, "2", ""],
      [2, "1", ""],
    ]);
    // Nothing goes back to stock until the inspector says so.
    expect(toDispositions(rows, "EUR")).toEqual({
      errors: {
        "row.0.disposition": "returns.form.choose",
        "row.1.disposition": "returns.form.choose",
      },
    });
    const edited = rows.map((r, i) =>
      i === 1
        ? { ...r, disposition: "write_off" as const, location: "X" }
        : { ...r, disposition: "restock" as const, location: " a-1 ", recovered: "5" },
    );
    expect(toDispositions(edited, "EUR")).toEqual({
      dispositions: [
        {
          line_index: 0,
          disposition: "restock",
          qty: 2,
          recovered_minor: 500,
          location: "a-1",
          serials: [],
        },
        {
          line_index: 2,
          disposition: "write_off",
          qty: 1,
          recovered_minor: 0,
          location: "",
          serials: [],
        },
      ],
    });
    expect(toDispositions([{ ...edited[0], qty: "x" } as (typeof edited)[0]], "EUR")).toEqual({
      errors: { "row.0.qty": "returns.form.bad_qty" },
    });
    expect(
      toDispositions([{ ...(edited[0] as (typeof edited)[0]), recovered: "5.5" }], "JPY"),
    ).toEqual({
      errors: { "row.0.recovered": "money.no_decimals" },
    });
    expect(placeDispositionField("dispositions[1].location")).toBe("row.1.location");
    expect(placeDispositionField("dispositions[0].recovered_minor")).toBe("row.0.recovered");
    expect(placeDispositionField("dispositions")).toBeNull();
  });

  it("asks each intake check and the grade of the person, assuming none", () => {
    expect(toIntakeChecks(INTAKE_UNANSWERED)).toEqual({
      errors: {
        packaging: "returns.form.choose",
        accessories: "returns.form.choose",
        serials: "returns.form.choose",
        grade: "returns.form.choose",
      },
    });
    expect(
      toIntakeChecks({ packaging: "no", accessories: "yes", serials: "yes", grade: "B" }),
    ).toEqual({
      checks: {
        packaging_intact: false,
        accessories_complete: true,
        serials_match: true,
        grade: "B",
      },
    });
    expect(toIntakeChecks({ ...INTAKE_UNANSWERED, packaging: "yes", grade: "A" })).toEqual({
      errors: { accessories: "returns.form.choose", serials: "returns.form.choose" },
    });
  });
});
