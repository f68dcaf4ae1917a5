import { dateTimeFormat, listFormat, numberFormat } from "./intl";

describe("Intl formatters are made once per language and options", () => {
  it("gives the same formatter back for the same language and options, and formats as Intl does", () => {
    const a = dateTimeFormat("nl", { dateStyle: "short" });
    expect(dateTimeFormat("nl", { dateStyle: "short" })).toBe(a);
    expect(a.format(new Date(Date.UTC(2026, 11, 31, 12)))).toBe(
      new Intl.DateTimeFormat("nl", { dateStyle: "short" }).format(
        new Date(Date.UTC(2026, 11, 31, 12)),
      ),
    );
    expect(numberFormat("en", { style: "percent" })).toBe(numberFormat("en", { style: "percent" }));
    expect(listFormat("zh-CN")).toBe(listFormat("zh-CN"));
  });

  it("keeps languages and options apart", () => {
    expect(dateTimeFormat("nl", { dateStyle: "short" })).not.toBe(
      dateTimeFormat("en", { dateStyle: "short" }),
    );
    expect(numberFormat("en")).not.toBe(numberFormat("en", { maximumFractionDigits: 3 }));
    expect(numberFormat("nl").format(1234.5)).toBe("1.234,5");
  });
});
