import { bpsToPercent, gramsToKg, percentToBps } from "./features/returns/units";
import i18n from "./i18n";
import { fromMinor, moneyParams, parseMoney, toMajor, toMinor } from "./money";

afterEach(async () => {
  await i18n.changeLanguage("en");
});

describe("amounts typed in the reader's language", () => {
  it("reads Dutch amounts with a decimal comma and dots between thousands", async () => {
    await i18n.changeLanguage("nl");
    expect(toMinor("12,50", "EUR")).toBe(1250);
    expect(toMinor("1.234,50", "EUR")).toBe(123450);
    expect(toMinor("1.250.000", "EUR")).toBe(125000000);
    expect(toMinor("1.234", "JPY")).toBe(1234);
    expect(toMinor("1.250", "KWD")).toBe(1250000);
    // A lone point with no thousands around it is still a decimal mark, as people type it.
    expect(toMinor("12.5", "EUR")).toBe(1250);
    expect(parseMoney("1.234,567", "EUR")).toEqual({
      ok: false,
      problem: "money.too_many_decimals",
    });
    expect(parseMoney("1.23.4", "EUR")).toEqual({ ok: false, problem: "money.bad_amount" });
    expect(fromMinor(620, "EUR")).toBe("6,20");
    expect(fromMinor(123450, "EUR")).toBe("1234,50");
    expect(moneyParams("EUR").example).toBe("1234,50");
    // What goes into a spreadsheet is a number, whatever the language.
    expect(toMajor(620, "EUR")).toBe(6.2);
  });

  it("reads English and Chinese amounts with a decimal point and commas between thousands", async () => {
    for (const language of ["en", "zh-CN"]) {
      await i18n.changeLanguage(language);
      expect(toMinor("1,250.00", "EUR")).toBe(125000);
      expect(toMinor("1,234.50", "EUR")).toBe(123450);
      expect(toMinor("12.50", "EUR")).toBe(1250);
      expect(toMinor("12,50", "EUR")).toBe(1250);
      expect(toMinor("1,500", "JPY")).toBe(1500);
      expect(parseMoney("1,23,4", "EUR")).toEqual({ ok: false, problem: "money.bad_amount" });
      expect(fromMinor(620, "EUR")).toBe("6.20");
    }
  });

  it("reads and shows percentages and weights in the language's decimal mark", async () => {
    await i18n.changeLanguage("nl");
    expect(percentToBps("7,5")).toBe(750);
    expect(bpsToPercent(750)).toBe("7,5");
    expect(bpsToPercent(900)).toBe("9");
    expect(gramsToKg(1500)).toBe("1,5");
    await i18n.changeLanguage("zh-CN");
    expect(percentToBps("7.5")).toBe(750);
    expect(bpsToPercent(750)).toBe("7.5");
    await i18n.changeLanguage("en");
    expect(bpsToPercent(1250)).toBe("12.5");
    expect(gramsToKg(250)).toBe("0.25");
  });
});
