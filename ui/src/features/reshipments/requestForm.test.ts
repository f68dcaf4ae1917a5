import { emptyForm, placeField, toRequestInput } from "./requestForm";

describe("toRequestInput", () => {
  it("builds the act input from the form", () => {
    const form = {
      ...emptyForm("QF-1, QF-2", "EUR"),
      orderNo: " SO-9 ",
      lines: {
        2: { qty: "1", lot: "L2", serials: "S1 S2" },
        1: { qty: "3", lot: "", serials: "" },
        3: { qty: "", lot: "", serials: "" },
      },
      service: "express",
      shipping: "12,5",
      goods: "107.50",
      reason: "broken",
    };
    const out = toRequestInput(form);
    expect(out).toEqual({
      input: {
        failure_nos: ["QF-1", "QF-2"],
        order_no: "SO-9",
        items: [
          { line_no: 1, qty: 3, lot_code: null, serials: [] },
          { line_no: 2, qty: 1, lot_code: "L2", serials: ["S1", "S2"] },
        ],
        ship_to: null,
        ship_to_reason: null,
        carrier: "dhl",
        service: "express",
        cost: {
          shipping_minor: 1250,
          shipping_currency: "EUR",
          goods_minor: 10750,
          goods_currency: "EUR",
        },
        payer: "us",
        vendor_code: null,
        reason: "broken",
        due_on: null,
        rma_no: null,
      },
    });
  });

  it("names the return an exchange replaces", () => {
    const form = { ...emptyForm("", "EUR", " RMA-AMS1-000004 "), orderNo: "SO-9", service: "std" };
    const out = toRequestInput(form);
    expect("input" in out && out.input.rma_no).toBe("RMA-AMS1-000004");
    expect("input" in out && out.input.failure_nos).toEqual([]);
  });

  it("sends another address and the vendor only when chosen", () => {
    const form = {
      ...emptyForm("QF-1", "EUR"),
      otherAddress: true,
      shipName: "A",
      shipAddress: "Street 1",
      shipCountry: "NL",
      shipReason: "moved",
      payer: "vendor" as const,
      vendorCode: "V1",
      dueOn: "2026-12-01",
    };
    const out = toRequestInput(form);
    if (!("input" in out)) throw new Error("expected input");
    expect(out.input.ship_to).toEqual({ name: "A", address: "Street 1", country: "NL" });
    expect(out.input.ship_to_reason).toBe("moved");
    expect(out.input.vendor_code).toBe("V1");
    expect(out.input.due_on).toBe("2026-12-01");
  });

  it("refuses money and quantities it cannot read", () => {
    const form = {
      ...emptyForm("", "EUR"),
      shipping: "abc",
      lines: { 1: { qty: "1.5", lot: "", serials: "" } },
    };
    expect(toRequestInput(form)).toEqual({
      errors: {
        "cost.shipping_minor": "money.bad_amount",
        "line.1": "reshipment.form.bad_qty",
      },
    });
  });

  it("reads the costs in the chosen currency's decimals", () => {
    const yen = { ...emptyForm("", "JPY"), shipping: "1500", goods: "12.5" };
    expect(toRequestInput(yen)).toEqual({ errors: { "cost.goods_minor": "money.no_decimals" } });
    const out = toRequestInput({ ...yen, goods: "1234" });
    if (!("input" in out)) throw new Error("expected input");
    expect([out.input.cost.shipping_minor, out.input.cost.goods_minor]).toEqual([1500, 1234]);
  });
});

describe("placeField", () => {
  it("puts item errors at the line that was sent", () => {
    expect(placeField("items.1.qty", [4, 7])).toBe("line.7");
    expect(placeField("items", [4])).toBe("items");
    expect(placeField("cost.goods_currency", [])).toBe("currency");
    expect(placeField("cost.shipping_minor", [])).toBe("cost.shipping_minor");
    expect(placeField("ship_to_reason", [])).toBe("ship_to_reason");
    expect(placeField("ship_to.country", [])).toBe("ship_to.country");
    expect(placeField("something_else", [])).toBeNull();
  });
});
