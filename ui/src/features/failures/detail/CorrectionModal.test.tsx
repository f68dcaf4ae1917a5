import { act } from "react";
import "../../../i18n";
import type { FailureDetail } from "../../../backend/bindings/FailureDetail";
import { mount } from "../../../testing/mount";
import { CorrectionModal } from "./CorrectionModal";

const calls: { act: string; input: unknown }[] = [];

vi.mock("../../../backend/call", async (actual) => ({
  ...(await actual<typeof import("../../../backend/call")>()),
  call: async (act: string, input: unknown) => {
    calls.push({ act, input });
    if (act === "list_defect_categories") return [];
    return { failure_no: "QF-AMS1-000001" };
  },
}));

const logged = {
  lot_size: 500,
  level: "II",
  aql_critical: null,
  aql_major: 2.5,
  aql_minor: null,
  defects_critical: 0,
  defects_major: 3,
  defects_minor: 0,
};

// Only what the modal reads of a failure: 3 major defects found in a sample of 50.
const failure = {
  failure_no: "QF-AMS1-000001",
  description: "Cracked lids",
  qty_inspected: 50,
  qty_failed: 3,
  category_code: "COS",
  severity: "major",
  lot_code: "BX-1",
  stage: "incoming",
  owner_team: "warehouse_qc",
  serials: [],
  inspection: { input: logged, plans: [], verdict: "accept" },
} as unknown as FailureDetail;

function type(testId: string, value: string) {
  const input = document.querySelector<HTMLInputElement | HTMLTextAreaElement>(
    `[data-testid="${testId}"]`,
  );
  if (!input) throw new Error(`no ${testId}`);
  const proto = input instanceof HTMLTextAreaElement ? HTMLTextAreaElement : HTMLInputElement;
  Object.getOwnPropertyDescriptor(proto.prototype, "value")?.set?.call(input, value);
  input.dispatchEvent(new Event("input", { bubbles: true }));
}

afterEach(() => {
  document.body.innerHTML = "";
  calls.length = 0;
});

/** Submits the correction; the changes it sent. */
async function submitted(): Promise<Record<string, unknown>> {
  await act(async () =>
    document.querySelector<HTMLElement>('[data-testid="correct-submit"]')?.click(),
  );
  await act(async () => new Promise((r) => setTimeout(r, 10)));
  const sent = calls.find((c) => c.act === "correct_failure")?.input as {
    changes: Record<string, unknown>;
  };
  return sent.changes;
}

it("sends a recount of the inspection's figures with the rest of the record untouched", async () => {
  await mount(<CorrectionModal failure={failure} onClose={() => {}} />);
  expect(document.querySelector('[data-testid="correct-inspection"]')).toBeTruthy();
  await act(async () => type("correct-defects_major", "5"));
  await act(async () => type("correct-reason", "Recounted the sample"));
  const changes = await submitted();
  expect(changes.inspection).toEqual({ ...logged, defects_major: 5 });
  expect(changes.qty_failed).toBeNull();
});

it("sends no inspection when no figure changed", async () => {
  await mount(<CorrectionModal failure={failure} onClose={() => {}} />);
  await act(async () => type("correct-description", "Cracked lids, two pallets"));
  await act(async () => type("correct-reason", "Clearer"));
  const changes = await submitted();
  expect(changes.description).toBe("Cracked lids, two pallets");
  expect("inspection" in changes).toBe(false);
});
