import i18n from "../i18n";
import { translateKey } from "./apiError";

describe("translateKey", () => {
  afterEach(async () => {
    await i18n.changeLanguage("en");
  });

  /** The message for `key` in English, Dutch and Chinese, in that order. */
  async function inEachLanguage(key: string, params: Record<string, string>) {
    const said: string[] = [];
    for (const language of ["en", "nl", "zh-CN"]) {
      await i18n.changeLanguage(language);
      said.push(translateKey(i18n.t, key, params));
    }
    return said;
  }

  it("shows a reshipment status param as a word of the reader's language", async () => {
    const [en, nl, zh] = await inEachLanguage("error.reshipment.not_shippable", {
      reshipment_no: "RS-AMS1-000007",
      status: "cancelled",
    });
    expect(en).toBe("Reshipment RS-AMS1-000007 is cancelled and cannot be shipped");
    expect(nl).toBe("Herzending RS-AMS1-000007 is geannuleerd en kan niet worden verzonden");
    expect(zh).toBe("补发 RS-AMS1-000007 已取消，不能发运");
  });

  it("names the roles that may, in the reader's language, not by their codes", async () => {
    const [en, nl, zh] = await inEachLanguage("error.forbidden.edit_master_data", {
      roles: "admin, quality_lead, logistics",
    });
    expect(en).toBe("Only Administrator, Quality lead, or Logistics can edit master data");
    expect(nl).toBe("Alleen Beheerder, Kwaliteitsleider of Logistiek mag stamgegevens wijzigen");
    expect(zh).not.toContain("quality_lead");
  });

  it("shows an RMA status as a word too", async () => {
    await i18n.changeLanguage("nl");
    expect(
      translateKey(i18n.t, "error.rma.not_receivable", {
        rma_no: "RMA-AMS1-000003",
        status: "rejected",
      }),
    ).toBe("RMA-AMS1-000003 is afgewezen: er worden geen goederen voor verwacht");
  });

  it("translates both ends of a chargeback transition", async () => {
    await i18n.changeLanguage("nl");
    const text = translateKey(i18n.t, "error.chargeback.bad_transition", {
      from: "recovered",
      to: "open",
    });
    expect(text).toContain(i18n.t("reshipment.chargeback.status.recovered"));
    expect(text).toContain(i18n.t("reshipment.chargeback.status.open"));
    expect(text).not.toContain("recovered");
  });

  it("leaves a status it has no word for as sent, and other messages' params alone", () => {
    expect(
      translateKey(i18n.t, "error.reshipment.not_open", {
        reshipment_no: "RS-1",
        status: "archived",
      }),
    ).toBe("Reshipment RS-1 is archived");
    expect(translateKey(i18n.t, "error.unknown_act", { act: "cancelled" })).toContain("cancelled");
  });
});
