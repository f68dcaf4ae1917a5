import { keysOnly as t } from "../../../testing/keys";
import { customersCsv, traceLotsCsv } from "./exports";

describe("trace exports", () => {
  it("writes one line per traced lot with translated codes", () => {
    const csv = traceLotsCsv(
      [
        {
          lot_code: "L-2",
          depth: 1,
          via: "L-1",
          qty: 2.5,
          kind: "repack",
          sku: "SKU-1",
          vendor_code: "V1",
          status: "on_hold",
          on_hand: 0,
          unit: "kg",
          expiry_date: "2026-05-01",
          location: null,
          work_order_no: null,
        },
      ],
      t,
    );
    const lines = csv.trimEnd().split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe(
      "1,L-2,L-1,2.5,kg,lots.link_kind.repack,SKU-1,V1,lots.status.on_hold,0,,2026-05-01",
    );
  });

  it("defuses customer data that looks like a formula", () => {
    const csv = customersCsv(
      [
        {
          customer_code: "C1",
          name: "=cmd|' /C calc'!A0",
          email: "a@b.nl",
          phone: "+31 20 123",
          orders: 2,
          qty: 7,
        },
      ],
      t,
    );
    expect(csv.split("\r\n")[1]).toBe("C1,'=cmd|' /C calc'!A0,a@b.nl,'+31 20 123,2,7");
  });
});
