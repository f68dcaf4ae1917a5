import { act } from "react";
import "../../../i18n";
import type { FailureDetail } from "../../../backend/bindings/FailureDetail";
import { mount } from "../../../testing/mount";
import { CompleteModal } from "./DispositionModals";

const calls: { act: string; input: unknown }[] = [];

vi.mock("../../../backend/call", async (actual) => ({
  ...(await actual<typeof import("../../../backend/call")>()),
  call: async (act: string, input: unknown) => {
    calls.push({ act, input });
    return { failure_no: "QF-AMS1-000002" };
  },
}));

// Only what the modal reads of a failure.
const failureWith = (disposition: "rework" | "scrap", currency: string) =>
  ({
    failure_no: "QF-AMS1-000002",
    qty_failed: 2,
    disposition,
    product_currency: currency,
  }) as unknown as FailureDetail;

async function open(disposition: "rework" | "scrap", currency = "EUR") {
  await mount(<CompleteModal failure={failureWith(disposition, currency)} onClose={() => {}} />);
}

function type(testId: string, value: string) {
  const input = document.querySelector<HTMLInputElement>(`[data-testid="${testId}"]`);
  if (!input) throw new Error(`no ${testId}`);
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")?.set;
  setter?.call(input, value);
  input.dispatchEvent(new Event("input", { bubbles: true }));
}

async function submit() {
  await act(async () =>
    document.querySelector<HTMLElement>('[data-testid="complete-submit"]')?.click(),
  );
  await act(async () => new Promise((r) => setTimeout(r, 10)));
}

afterEach(() => {
  document.body.innerHTML = "";
  calls.length = 0;
});

it("sends what the rework cost in minor units", async () => {
  await open("rework");
  await act(async () => type("complete-outcome", "Lids re-seated"));
  await act(async () => type("complete-rework-cost", "12.5"));
  await submit();
  expect(calls).toEqual([
    {
      act: "complete_disposition",
      input: {
        failure_no: "QF-AMS1-000002",
        outcome: "Lids re-seated",
        qty: 2,
        note: "",
        cost_minor: 1250,
      },
    },
  ]);
});

it("reads the cost in the product's currency and refuses yen with decimals", async () => {
  await open("rework", "JPY");
  await act(async () => type("complete-outcome", "Lids re-seated"));
  await act(async () => type("complete-rework-cost", "1250.5"));
  await submit();
  expect(calls).toEqual([]);
  expect(document.body.textContent).toContain("JPY amounts have no decimals");
  await act(async () => type("complete-rework-cost", "1250"));
  await submit();
  expect(calls[0]?.input).toMatchObject({ cost_minor: 1250 });
});

it("asks no cost for other dispositions", async () => {
  await open("scrap");
  expect(document.querySelector('[data-testid="complete-rework-cost"]')).toBeNull();
  await act(async () => type("complete-outcome", "Scrapped"));
  await submit();
  expect(calls[0]?.input).toMatchObject({ cost_minor: null });
});
