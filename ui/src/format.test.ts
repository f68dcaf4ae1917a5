import { formatDaySpan, formatDueShort, moneyInLanguage } from "./format";

describe("moneyInLanguage", () => {
  it("reads the backend's money text in the reader's language", () => {
    expect(moneyInLanguage("1,234.50 EUR", "en")).toBe("€1,234.50");
    expect(moneyInLanguage("1,234.50 EUR", "nl")).toMatch(/^€\s1\.234,50$/);
    expect(moneyInLanguage("-12.05 USD", "en")).toBe("-$12.05");
  });
  it("keeps a currency without decimals whole", () => {
    expect(moneyInLanguage("1,200 JPY", "en")).toBe("¥1,200");
  });
  it("leaves text that is not money alone", () => {
    expect(moneyInLanguage("policy", "en")).toBe("policy");
    expect(moneyInLanguage("12.5", "en")).toBe("12.5");
  });
});

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
