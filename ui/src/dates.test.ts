import { formatDateInput, readDateInput } from "./dates";

describe("dates typed in the reader's language", () => {
  it("shows a date in each language's order", () => {
    expect(formatDateInput("2026-12-05", "nl")).toBe("05-12-2026");
    expect(formatDateInput("2026-12-05", "zh-CN")).toBe("2026/12/05");
    expect(formatDateInput("2026-12-05", "en")).toBe("12/05/2026");
    expect(formatDateInput("", "nl")).toBe("");
  });

  it("reads a day-first Dutch date as the day it says, not as the 12th of May", () => {
    expect(readDateInput("5-12-2026", "nl")).toEqual({ ok: true, iso: "2026-12-05" });
    expect(readDateInput("05/12/2026", "nl")).toEqual({ ok: true, iso: "2026-12-05" });
    expect(readDateInput("2026/12/05", "zh-CN")).toEqual({ ok: true, iso: "2026-12-05" });
    expect(readDateInput("12/05/2026", "en")).toEqual({ ok: true, iso: "2026-12-05" });
    // ISO reads anywhere.
    expect(readDateInput("2026-12-05", "nl")).toEqual({ ok: true, iso: "2026-12-05" });
    expect(readDateInput("", "zh-CN")).toEqual({ ok: true, iso: "" });
  });

  it("says a date that cannot be read is not one, rather than dropping or guessing it", () => {
    for (const [text, language] of [
      ["31-02-2026", "nl"],
      ["13/31/2026", "en"],
      ["2026/13/01", "zh-CN"],
      ["5-12-26", "nl"],
      ["morgen", "nl"],
      ["5-12", "nl"],
    ] as const) {
      expect(readDateInput(text, language)).toEqual({ ok: false });
    }
  });
});
