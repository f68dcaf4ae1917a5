import { formatDay, formatDaySpan, formatDueShort } from "./format";

describe("formatDueShort", () => {
  it("shows day, month and time without the year", () => {
    const text = formatDueShort("2026-12-14T03:51:00Z", "en");
    expect(text).toMatch(/14/);
    expect(text).toMatch(/Dec/);
    expect(text).not.toMatch(/2026/);
  });

  it("leaves an unreadable value as it is and an absent one empty", () => {
    expect(formatDueShort("soon", "nl")).toBe("soon");
    expect(formatDueShort(null, "nl")).toBe("");
  });
});

describe("formatDaySpan", () => {
  // Intl puts thin spaces around a range's dash; the words are what the test is about.
  const plain = (text: string) => text.replace(/\s/g, " ");
  it("names the first and last day in the reader's language", () => {
    expect(plain(formatDaySpan("2026-11-02", "2026-11-08", "en"))).toBe("Nov 2 – 8, 2026");
    expect(plain(formatDaySpan("2026-11-02", "2026-12-08", "nl"))).toBe("2 nov – 8 dec 2026");
  });
  it("reads an open end as an ellipsis", () => {
    expect(plain(formatDaySpan("2026-11-02", null, "en"))).toBe("Nov 2, 2026 – …");
    expect(plain(formatDaySpan(null, "not a day", "en"))).toBe("… – …");
  });
});

describe("formatDay", () => {
  it("reads a calendar day in the language, whatever the zone", () => {
    expect(formatDay("2026-12-13", "nl")).toBe("13 dec 2026");
    expect(formatDay("2026-12-13", "en")).toBe("Dec 13, 2026");
    expect(formatDay("2026-12-13", "zh-CN")).toBe("2026年12月13日");
    expect(formatDay(null, "nl")).toBe("");
    expect(formatDay("soon", "nl")).toBe("soon");
  });
});
