import { act } from "react";
import "../../i18n";
import type { RmaRow } from "../../backend/bindings/RmaRow";
import { calls, lastInput } from "../../testing/fakeCall";
import { resetAfterEach } from "../../testing/language";
import { settle } from "../../testing/mount";
import { byTestId, mountSearchRoute, testText } from "../../testing/route";
import { sessionAs } from "../../testing/session";
import { returnsSearchPage } from "./searchPage";

vi.mock("../../backend/call", async (actual) =>
  (await import("../../testing/fakeCall")).withFakeCall(actual, {
    list_rmas: () => ({ rows: [row], total: 1 }),
  }),
);

const row: RmaRow = {
  rma_no: "RMA-AMS1-000003",
  customer_code: "ACME",
  customer_name: "Acme",
  order_nos: ["SO-1001"],
  status: "settled",
  verdict: "approved",
  policy_version: 1,
  reason_code: "damaged",
  preferred_outcome: "refund",
  currency: "EUR",
  value_minor: 500,
  opened_by_name: "Ann",
  opened_at: "2026-10-28T09:00:00Z",
  decided_at: "2026-10-28T09:00:00Z",
  decided_by_rules: true,
  received_at: "2026-11-01T09:00:00Z",
  inspected_at: "2026-11-02T09:00:00Z",
  settled_at: "2026-11-03T09:00:00Z",
  tracking_no: null,
  labels_printed: 1,
  label_failures: 0,
  settlement_kind: "refund",
  settled_minor: 500,
  restocking_fee_minor: 0,
  credit_issued_minor: null,
  credit_issued_at: null,
  sla_step: null,
  due_at: null,
  sla: null,
  channel: null,
};

/** The list's route as the app wires it: the filters live in the URL. */
function render(url: string) {
  return mountSearchRoute(url, "/returns", returnsSearchPage, sessionAs(["finance"]));
}

const lastList = () => lastInput("list_rmas");

resetAfterEach(calls);

it("lists the refunds settled in a review's period and says so in a chip", async () => {
  const router = await render(
    "/returns?settled_from=2026-11-02&settled_to=2026-11-09&settlement_kind=refund",
  );
  expect(lastList()).toEqual({
    text: null,
    status: null,
    analyst_queue: false,
    channel: null,
    settled_from: "2026-11-02",
    settled_to: "2026-11-09",
    settlement_kind: "refund",
    offset: 0,
    limit: 200,
  });
  expect(testText("rmas-filter-settled")).toBe("Settled Nov 2 – 8, 2026 · refunds");
  expect(byTestId("rmas-total")[0]?.textContent).toBe("1 return");

  await act(async () => byTestId("rmas-filter-settled-remove")[0]?.click());
  // The list asks again once the filters have settled (debounced).
  await act(async () => new Promise((r) => setTimeout(r, 300)));
  await settle();
  expect(byTestId("rmas-filter-settled")).toHaveLength(0);
  const after = lastList();
  expect(after).toMatchObject({ analyst_queue: false, offset: 0 });
  expect(after).not.toHaveProperty("settled_from");
  expect(after).not.toHaveProperty("settlement_kind");
  expect(router.state.location.search).not.toHaveProperty("settled_from");
});

it("keeps the settlement filter in the URL alongside the filter bar's", async () => {
  const router = await render(
    "/returns?status=settled&settled_from=2026-11-02&settled_to=2026-11-09",
  );
  expect(lastList()).toMatchObject({ status: "settled", settled_from: "2026-11-02" });
  expect(testText("rmas-filter-settled")).toBe("Settled Nov 2 – 8, 2026");
  expect(router.state.location.search).toMatchObject({
    status: "settled",
    settled_from: "2026-11-02",
    settled_to: "2026-11-09",
  });
});
