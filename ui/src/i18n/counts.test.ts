import i18n from "./index";

afterEach(async () => {
  await i18n.changeLanguage("en");
});

describe("counts", () => {
  it("are grouped as each language writes numbers", async () => {
    const shown: Record<string, string> = {};
    for (const language of ["en", "nl", "zh-CN"]) {
      await i18n.changeLanguage(language);
      shown[language] = i18n.t("failures.count", { count: 100036 });
    }
    expect(shown.en).toBe("100,036 failures");
    expect(shown.nl).toContain("100.036");
    expect(shown["zh-CN"]).toContain("100,036");
    // One stays singular.
    await i18n.changeLanguage("en");
    expect(i18n.t("failures.count", { count: 1 })).toBe("1 failure");
  });
});
