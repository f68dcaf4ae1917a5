import { act } from "react";
import "../../i18n";
import type { ChargebackListRow } from "../../backend/bindings/ChargebackListRow";
import { calls, lastInput } from "../../testing/fakeCall";
import { resetAfterEach } from "../../testing/language";
import { settle } from "../../testing/mount";
import { byTestId, mountSearchRoute, testText } from "../../testing/route";
import { sessionAs } from "../../testing/session";
import { parseChargebackSearch } from "./chargeback";
import { chargebacksSearchPage } from "./searchPage";

vi.mock("../../backend/call", async (actual) =>
  (await import("../../testing/fakeCall")).withFakeCall(actual, {
    list_chargebacks: (input) => (input.recovered_from ? [recovered] : []),
  }),
);

const recovered: ChargebackListRow = {
  source: "reinspection",
  reference: "QF-AMS1-000004",
  claim_no: null,
  serials: [],
  vendor_code: "SZHQ",
  amount_minor: 4500,
  currency: "EUR",
  status: "recovered",
  recovered_minor: 4500,
  recorded_at: "2026-11-03T09:00:00Z",
  note: "",
};

/** The chargebacks route as the app declares it: the URL's filters, and their chips clearing them. */
function open(url: string) {
  return mountSearchRoute(url, "/chargebacks", chargebacksSearchPage, sessionAs(["finance"]));
}

resetAfterEach(calls);

it("lists the chargebacks recovered in the days the URL names, and shows the filter", async () => {
  const router = await open("/chargebacks?recovered_from=2026-11-01&recovered_to=2026-12-01");
  expect(calls.find(([asked]) => asked === "list_chargebacks")?.[1]).toEqual({
    vendor_code: null,
    recovered_from: "2026-11-01",
    recovered_to: "2026-12-01",
  });
  expect(byTestId("chargeback-row")).toHaveLength(1);
  expect(byTestId("chargeback-row")[0]?.getAttribute("data-status")).toBe("recovered");
  // The URL's end is the first day left out: the chip names the last day in.
  const chip = testText("chargebacks-filter-recovered") ?? "";
  expect(chip).toContain("Recovered");
  expect(chip).toContain("30");
  expect(chip).not.toContain("Dec");

  await act(async () => byTestId("chargebacks-filter-recovered-remove")[0]?.click());
  await settle();
  expect(router.state.location.search).toEqual({});
  expect(lastInput("list_chargebacks")).toEqual({
    vendor_code: null,
    recovered_from: null,
    recovered_to: null,
  });
  expect(byTestId("chargebacks-filter-recovered")).toHaveLength(0);
  expect(byTestId("chargebacks-empty")).toHaveLength(1);
});

it("ignores what is not a calendar day", () => {
  expect(
    parseChargebackSearch({ recovered_from: "2026-13-01", recovered_to: "soon", x: 1 }),
  ).toEqual({ recovered_from: undefined, recovered_to: undefined, vendor: undefined });
});
