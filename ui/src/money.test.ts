import type { Currency } from "./backend/bindings/Currency";
import type { SetupStatus } from "./backend/bindings/SetupStatus";
import i18n from "./i18n";
import {
  currencyCodes,
  exponentOf,
  formatMoney,
  fromMinor,
  installCurrencies,
  moneyInLanguage,
  moneyParams,
  parseMoney,
  toMinor,
} from "./money";
import served from "./testing/currencies.json";

// The table as setup_status answers it; testing/setup.ts installs the same one for every test.
const status: Pick<SetupStatus, "currencies"> = { currencies: served };

afterEach(() => installCurrencies(status.currencies));

describe("the currency table", () => {
  it("is the backend's: EUR has 2 decimals, JPY, KRW and VND none, KWD and BHD 3", () => {
    expect(["EUR", "JPY", "KRW", "VND", "KWD", "BHD"].map(exponentOf)).toEqual([2, 0, 0, 0, 3, 3]);
    expect(currencyCodes()[0]).toBe("EUR");
    expect(exponentOf("EUO")).toBeUndefined();
  });

  it("follows whatever the backend serves, with no rule of its own", () => {
    const table: Currency[] = [{ code: "EUR", exponent: 3 }];
    installCurrencies(table);
    expect(fromMinor(1234, "EUR")).toBe("1.234");
    expect(toMinor("12.34", "JPY")).toBeNull();
  });
});

describe("formatMoney", () => {
  it("shows ¥1234 as whole yen and €12.34 with cents", () => {
    expect(formatMoney(1234, "JPY", "en")).toBe("¥1,234");
    expect(formatMoney(1234, "EUR", "en")).toBe("€12.34");
    expect(formatMoney(1234, "EUR", "nl")).toMatch(/^€\s12,34$/);
    expect(formatMoney(6436, "JPY", "en")).toBe("¥6,436");
    expect(formatMoney(-1234, "KRW", "en")).toBe("-₩1,234");
  });

  it("shows a 3-decimal currency with its three decimals", () => {
    expect(formatMoney(12345, "KWD", "en")).toMatch(/^KWD\s12\.345$/);
    expect(formatMoney(1250, "BHD", "en")).toMatch(/^BHD\s1\.250$/);
  });

  it("shows a code the backend never sent as the minor units it is", () => {
    expect(formatMoney(1234, "EUO", "en")).toBe("1234 EUO");
  });
});

describe("moneyInLanguage", () => {
  it("reads the backend's money text in the reader's language", () => {
    expect(moneyInLanguage("1,234.50 EUR", "en")).toBe("€1,234.50");
    expect(moneyInLanguage("1,234.50 EUR", "nl")).toMatch(/^€\s1\.234,50$/);
    expect(moneyInLanguage("-12.05 USD", "en")).toBe("-$12.05");
    expect(moneyInLanguage("1,200 JPY", "en")).toBe("¥1,200");
    expect(moneyInLanguage("1.250 KWD", "en")).toMatch(/^KWD\s1\.250$/);
  });

  it("leaves text that is not money of its currency alone", () => {
    expect(moneyInLanguage("policy", "en")).toBe("policy");
    expect(moneyInLanguage("12.5", "en")).toBe("12.5");
    expect(moneyInLanguage("12.50 JPY", "en")).toBe("12.50 JPY");
  });
});

describe("parseMoney", () => {
  it("reads typed amounts in the currency's minor units", () => {
    expect(toMinor("1234", "JPY")).toBe(1234);
    expect(toMinor("12.34", "EUR")).toBe(1234);
    expect(toMinor("12,5", "EUR")).toBe(1250);
    expect(toMinor("12", "EUR")).toBe(1200);
    expect(toMinor("0.07", "USD")).toBe(7);
    expect(toMinor(" -4.10 ", "EUR")).toBe(-410);
    expect(toMinor("12.345", "KWD")).toBe(12345);
    expect(toMinor("1.2", "BHD")).toBe(1200);
  });

  it("refuses more decimals than the currency has, saying which problem it is", () => {
    expect(parseMoney("12.5", "JPY")).toEqual({ ok: false, problem: "money.no_decimals" });
    // In English "1,234" is grouped: 1234 yen. "1,23" is no grouping, so its "," is a decimal mark.
    expect(parseMoney("1,234", "JPY", "en")).toEqual({ ok: true, minor: 1234 });
    expect(parseMoney("1,23", "JPY", "en")).toEqual({ ok: false, problem: "money.no_decimals" });
    expect(parseMoney("12.345", "EUR")).toEqual({ ok: false, problem: "money.too_many_decimals" });
    expect(parseMoney("1.2345", "KWD")).toEqual({ ok: false, problem: "money.too_many_decimals" });
    expect(parseMoney("12", "EUO")).toEqual({ ok: false, problem: "money.unknown_currency" });
    for (const bad of ["", "abc", "1,2,3", "1e3", "€5", "9999999999999999"]) {
      expect(parseMoney(bad, "EUR")).toEqual({ ok: false, problem: "money.bad_amount" });
    }
  });

  it("turns minor units back into what a user types, and that into the same units", () => {
    expect([fromMinor(1234, "JPY"), fromMinor(1234, "EUR"), fromMinor(1234, "KWD")]).toEqual([
      "1234",
      "12.34",
      "1.234",
    ]);
    expect([fromMinor(7, "EUR"), fromMinor(-410, "EUR"), fromMinor(-7, "BHD")]).toEqual([
      "0.07",
      "-4.10",
      "-0.007",
    ]);
    for (const currency of ["EUR", "JPY", "KWD"]) {
      for (let minor = -50; minor < 3000; minor += 7) {
        expect(toMinor(fromMinor(minor, currency), currency)).toBe(minor);
      }
    }
  });

  it("explains a refusal in each language, naming the currency and its decimals", async () => {
    const message = (problem: string, currency: string) => i18n.t(problem, moneyParams(currency));
    expect(message("money.no_decimals", "JPY")).toBe(
      "JPY amounts have no decimals: enter whole JPY, such as 1234",
    );
    expect(message("money.too_many_decimals", "KWD")).toBe(
      "KWD amounts have at most 3 decimals, such as 1234.500",
    );
    expect(message("money.bad_amount", "EUR")).toBe("Enter an amount in EUR, such as 1234.50");
    await i18n.changeLanguage("nl");
    expect(message("money.no_decimals", "JPY")).toContain("JPY");
    await i18n.changeLanguage("zh-CN");
    expect(message("money.too_many_decimals", "EUR")).toContain("2");
    await i18n.changeLanguage("en");
  });
});
