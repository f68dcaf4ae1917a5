import { checkable, EMPTY_OPEN_FORM, pickLine, placeField, toOpenInput } from "./openForm";

describe("open RMA form", () => {
  it("maps picked lines, condition and dates to the act's input", () => {
    let form = { ...EMPTY_OPEN_FORM, orderNo: " SO-1 ", reasonCode: "defective" };
    form = pickLine(form, 2, true, 3);
    form = pickLine(form, 1, true, 5);
    form = { ...form, lines: { ...form.lines, 1: { picked: true, qty: "2", serials: "A1, A2" } } };
    form = pickLine(form, 3, false, 1);
    form = { ...form, deliveredOn: "2026-11-01", unused: false, photoIds: ["p1"] };
    expect(toOpenInput(form)).toEqual({
      input: {
        lines: [
          { order_no: "SO-1", line_no: 1, qty: 2, serials: ["A1", "A2"] },
          { order_no: "SO-1", line_no: 2, qty: 3, serials: [] },
        ],
        reason_code: "defective",
        preferred_outcome: "refund",
        delivered_on: "2026-11-01",
        condition: { original_packaging: true, unused: false, tags_attached: true },
        photo_ids: ["p1"],
        non_carrier_damage_seen: false,
        note: "",
        channel: null,
      },
    });
  });

  it("names quantities that are not whole numbers", () => {
    const form = {
      ...EMPTY_OPEN_FORM,
      lines: { 4: { picked: true, qty: "1.5", serials: "" } },
    };
    expect(toOpenInput(form)).toEqual({ errors: { "line.4.qty": "returns.form.bad_qty" } });
  });

  it("checks only once there is a line and a reason", () => {
    const out = toOpenInput({ ...EMPTY_OPEN_FORM, reasonCode: "defective" });
    expect("input" in out && checkable(out.input)).toBe(false);
    const withLine = toOpenInput(pickLine({ ...EMPTY_OPEN_FORM, reasonCode: "x" }, 1, true, 1));
    expect("input" in withLine && checkable(withLine.input)).toBe(true);
  });

  it("places backend errors on the form's fields", () => {
    expect(placeField("lines[1].qty", [3, 7])).toBe("line.7.qty");
    expect(placeField("lines[0].line_no", [3])).toBe("line.3.qty");
    expect(placeField("lines[0].serials", [3])).toBe("line.3.serials");
    expect(placeField("lines[0].order_no", [3])).toBe("order_no");
    expect(placeField("lines[5].qty", [3])).toBe("lines");
    expect(placeField("photo_ids[0]", [])).toBe("photos");
    expect(placeField("reason_code", [])).toBe("reason_code");
    expect(placeField("something_else", [])).toBeNull();
  });
});
