import { describe, expect, it } from "vitest";
import { serialsOf } from "./LotSerials";

describe("serialsOf", () => {
  it("takes each serial between white space: lines, tabs or spaces", () => {
    expect(serialsOf(" SN-1 \r\nSN-2\n\n  \nsn-3\tSN-4 SN-5")).toEqual([
      "SN-1",
      "SN-2",
      "sn-3",
      "SN-4",
      "SN-5",
    ]);
    expect(serialsOf("")).toEqual([]);
  });
});
