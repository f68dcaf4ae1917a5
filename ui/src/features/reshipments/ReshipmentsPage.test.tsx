import { act } from "react";
import "../../i18n";
import type { ReshipmentRow } from "../../backend/bindings/ReshipmentRow";
import { calls, lastInput } from "../../testing/fakeCall";
import { resetAfterEach } from "../../testing/language";
import { settle } from "../../testing/mount";
import { byTestId, mountSearchRoute, testText } from "../../testing/route";
import { sessionAs } from "../../testing/session";
import { reshipmentsSearchPage } from "./searchPage";

vi.mock("../../backend/call", async (actual) =>
  (await import("../../testing/fakeCall")).withFakeCall(actual, {
    list_reshipments: () => ({ rows: [row], total: 1 }),
  }),
);

const row: ReshipmentRow = {
  reshipment_no: "RS-AMS1-000007",
  order_no: "SO-1001",
  customer_name: "Acme",
  status: "shipped",
  failure_nos: ["QF-1"],
  requested_by_name: "Ann",
  requested_at: "2026-11-01T09:00:00Z",
  authorized_at: "2026-11-01T10:00:00Z",
  due_on: "2026-11-05",
  carrier: "dhl",
  service: "express",
  tracking_no: "JD0001",
  shipped_on: "2026-11-04",
  delivered_on: null,
  shipping_minor: 1500,
  goods_minor: 2000,
  total_minor: 3500,
  currency: "EUR",
  payer: "us",
  vendor_code: null,
  chargeback_status: null,
  recovered_minor: 0,
  ship_to_name: "Acme",
  reason: "broken",
  rma_no: null,
  sla: "shipped_on_time",
  queue: null,
};

/** The list's route as the app wires it: filters and date ranges from the URL. */
function render(url: string) {
  return mountSearchRoute(url, "/reshipments", reshipmentsSearchPage, sessionAs(["logistics"]));
}

const lastList = () => lastInput("list_reshipments");

resetAfterEach(calls);

it("lists the reshipments shipped in a review's period and says so in a chip", async () => {
  const router = await render(
    "/reshipments?sla=shipped_on_time&shipped_from=2026-11-02&shipped_to=2026-11-09",
  );
  expect(lastList()).toMatchObject({
    sla: "shipped_on_time",
    shipped_from: "2026-11-02",
    shipped_to: "2026-11-09",
    offset: 0,
  });
  expect(lastList()).not.toHaveProperty("recovered_from");
  // The URL's end is excluded: the chip names the last day included.
  expect(testText("reshipments-filter-shipped")).toBe("Shipped Nov 2 – 8, 2026");
  expect(byTestId("reshipments-filter-recovered")).toHaveLength(0);
  // The SLA state shows in the filter bar's own control.
  const sla = document.querySelector<HTMLSelectElement>(
    'select[data-testid="reshipments-filter-sla"]',
  );
  expect(sla?.value).toBe("shipped_on_time");
  expect(byTestId("reshipments-total")[0]?.textContent).toBe("1 reshipment");

  await act(async () => byTestId("reshipments-filter-shipped-remove")[0]?.click());
  await settle();
  expect(router.state.location.search).toEqual({ sla: "shipped_on_time" });
  expect(byTestId("reshipments-filter-shipped")).toHaveLength(0);
  const after = lastList();
  expect(after).toMatchObject({ sla: "shipped_on_time" });
  expect(after).not.toHaveProperty("shipped_from");
  expect(after).not.toHaveProperty("shipped_to");
});

it("shows the chargebacks recovered in a period", async () => {
  await render("/reshipments?recovered_from=2026-11-02&recovered_to=2026-11-09");
  expect(lastList()).toMatchObject({
    sla: null,
    recovered_from: "2026-11-02",
    recovered_to: "2026-11-09",
  });
  expect(testText("reshipments-filter-recovered")).toBe("Chargeback recovered Nov 2 – 8, 2026");
});

it("has no chip and no date range without one in the URL", async () => {
  await render("/reshipments");
  expect(lastList()).toEqual({
    text: null,
    status: null,
    queue: null,
    sla: null,
    offset: 0,
    limit: 200,
  });
  expect(byTestId("reshipments-filter-shipped")).toHaveLength(0);
});
