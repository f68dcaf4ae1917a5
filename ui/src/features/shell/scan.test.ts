import { describe, expect, it } from "vitest";
import { cleanScan, hitPath } from "./scan";

describe("cleanScan", () => {
  it("drops the scanner's carriage return but keeps what the backend reads", () => {
    expect(cleanScan("]C1QF-AMS1-000001\r")).toBe("]C1QF-AMS1-000001");
    expect(cleanScan("]d20104006381333931\r\n")).toBe("]d20104006381333931");
  });
  it("keeps the GS that ends a lot before a serial", () => {
    expect(cleanScan("0104006381333931\u001d10LOT\u001d21SN\r")).toBe(
      "0104006381333931\u001d10LOT\u001d21SN",
    );
  });
  it("keeps ordinary typed text", () => {
    expect(cleanScan("  scratch ")).toBe("scratch");
    expect(cleanScan("]")).toBe("]");
  });
});

describe("hitPath", () => {
  it("opens records by their numbers and lists the others filtered by key", () => {
    expect(hitPath("failure", "QF-AMS1-000001")).toEqual({ to: "/failures/QF-AMS1-000001" });
    expect(hitPath("rma", "RMA-AMS1A-000009")).toEqual({ to: "/returns/RMA-AMS1A-000009" });
    expect(hitPath("reshipment", "RS-AMS1-000002")).toEqual({ to: "/reshipments/RS-AMS1-000002" });
    expect(hitPath("recall", "RC-AMS1-000001")).toEqual({ to: "/recalls/RC-AMS1-000001" });
    expect(hitPath("scar", "SCAR-AMS1-000001")).toEqual({ to: "/scars/SCAR-AMS1-000001" });
    expect(hitPath("work_order", "WO-AMS1-000002")).toEqual({ to: "/work-orders/WO-AMS1-000002" });
    expect(hitPath("complaint", "CP-AMS1-000001")).toEqual({ to: "/complaints/CP-AMS1-000001" });
    expect(hitPath("product", "CBL-USBC-2M")).toEqual({
      to: "/products",
      search: { sku: "CBL-USBC-2M", text: "CBL-USBC-2M" },
    });
    expect(hitPath("order", "SO-1001")).toEqual({ to: "/orders", search: { text: "SO-1001" } });
  });
  it("opens a lot's own page, its code escaped for the URL", () => {
    expect(hitPath("lot", "L2024/07 A")).toEqual({ to: "/lots/L2024%2F07%20A" });
  });
});
