import i18n from "../i18n";
import { translateKey } from "./apiError";

describe("translateKey", () => {
  afterEach(async () => {
    await i18n.changeLanguage("en");
  });

  it("shows a reshipment status param as a word of the reader's language", async () => {
    const params = { reshipment_no: "RS-AMS1-000007", status: "cancelled" };
    expect(translateKey(i18n.t, "error.reshipment.not_shippable", params)).toBe(
      "Reshipment RS-AMS1-000007 is cancelled and cannot be shipped",
    );
    await i18n.changeLanguage("nl");
    expect(translateKey(i18n.t, "error.reshipment.not_shippable", params)).toBe(
      "Herzending RS-AMS1-000007 is geannuleerd en kan niet worden verzonden",
    );
    await i18n.changeLanguage("zh-CN");
    expect(translateKey(i18n.t, "error.reshipment.not_shippable", params)).toBe(
      "补发 RS-AMS1-000007 已取消，不能发运",
    );
  });

  it("names the roles that may, in the reader's language, not by their codes", async () => {
    const params = { roles: "admin, quality_lead, logistics" };
    expect(translateKey(i18n.t, "error.forbidden.edit_master_data", params)).toBe(
      "Only Administrator, Quality lead, or Logistics can edit master data",
    );
    await i18n.changeLanguage("nl");
    expect(translateKey(i18n.t, "error.forbidden.edit_master_data", params)).toBe(
      "Alleen Beheerder, Kwaliteitsleider of Logistiek mag stamgegevens wijzigen",
    );
    await i18n.changeLanguage("zh-CN");
    expect(translateKey(i18n.t, "error.forbidden.edit_master_data", params)).not.toContain(
      "quality_lead",
    );
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
