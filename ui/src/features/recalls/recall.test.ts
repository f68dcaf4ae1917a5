import type { RecallCustomer } from "../../backend/bindings/RecallCustomer";
import { notifiedPercent, oneLine, sortRecalls, toNotify } from "./recall";

const customer = (code: string, notified_at: string | null): RecallCustomer => ({
  customer_code: code,
  name: null,
  email: null,
  phone: null,
  address: null,
  notified_at,
});

describe("recalls", () => {
  it("lists the customers still to be told", () => {
    const all = [customer("A", null), customer("B", "2026-01-01T00:00:00Z"), customer("C", null)];
    expect(toNotify(all).map((c) => c.customer_code)).toEqual(["A", "C"]);
  });

  it("reports how many customers were told", () => {
    expect(notifiedPercent({ customer_count: 3, notified_count: 1 })).toBe(33);
    expect(notifiedPercent({ customer_count: 0, notified_count: 0 })).toBe(100);
    expect(notifiedPercent({ customer_count: 2, notified_count: 5 })).toBe(100);
  });

  it("puts open recalls first, newest first", () => {
    const rows = [
      { no: 1, status: "closed" as const, started_at: "2026-03-01T00:00:00Z" },
      { no: 2, status: "open" as const, started_at: "2026-01-01T00:00:00Z" },
      { no: 3, status: "open" as const, started_at: "2026-02-01T00:00:00Z" },
    ];
    expect(sortRecalls(rows).map((r) => r.no)).toEqual([3, 2, 1]);
  });

  it("writes an address on one line", () => {
    expect(oneLine("Main St 1\r\n\n1011 AB  Amsterdam \n")).toBe("Main St 1, 1011 AB  Amsterdam");
    expect(oneLine(null)).toBe("");
  });
});
