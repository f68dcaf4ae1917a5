import { fromMinor, toMinor } from "./money";

describe("money in minor units", () => {
  it("parses decimals exactly, with a dot or a comma", () => {
    expect(toMinor("12.50")).toBe(1250);
    expect(toMinor("12,5")).toBe(1250);
    expect(toMinor("0.07")).toBe(7);
    expect(toMinor("19.99")).toBe(1999);
    expect(toMinor("1234567")).toBe(123456700);
    expect(toMinor(" 3 ")).toBe(300);
    expect(toMinor("-4.10")).toBe(-410);
  });

  it("rejects what is not an amount", () => {
    for (const bad of ["", "abc", "1.234", "1,2,3", "1e3", "€5"]) expect(toMinor(bad)).toBeNull();
  });

  it("formats minor units back without float drift", () => {
    expect(fromMinor(1250)).toBe("12.50");
    expect(fromMinor(7)).toBe("0.07");
    expect(fromMinor(-410)).toBe("-4.10");
    for (let minor = 0; minor < 2000; minor += 7) expect(toMinor(fromMinor(minor))).toBe(minor);
  });
});
