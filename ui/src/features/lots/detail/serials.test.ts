import { describe, expect, it } from "vitest";
import { serialsOf } from "./LotSerials";

describe("serialsOf", () => {
  it("takes one serial per line, trimmed, without blank lines", () => {
    expect(serialsOf(" SN-1 \r\nSN-2\n\n  \nsn-3")).toEqual(["SN-1", "SN-2", "sn-3"]);
    expect(serialsOf("")).toEqual([]);
  });
});
