import i18n from "./index";

describe("the page's language", () => {
  afterEach(async () => {
    await i18n.changeLanguage("en");
  });

  it("follows the language the person chose", async () => {
    await i18n.changeLanguage("zh-CN");
    expect(document.documentElement.lang).toBe("zh-CN");
    await i18n.changeLanguage("nl");
    expect(document.documentElement.lang).toBe("nl");
    await i18n.changeLanguage("en");
    expect(document.documentElement.lang).toBe("en");
  });
});
