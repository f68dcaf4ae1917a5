import { act } from "react";
import "../../i18n";
import { ApiFailure } from "../../backend/call";
import { mount, settle } from "../../testing/mount";
import { RETURN_POLICY } from "../../testing/returnPolicy";
import { sessionAs } from "../../testing/session";
import { ReturnPolicyPage } from "./ReturnPolicyPage";
import type { ReturnPolicy } from "./types";

const policy: ReturnPolicy = RETURN_POLICY;

const calls: { act: string; input: unknown }[] = [];
const answers: { set: (input: ReturnPolicy) => unknown } = {
  set: (input) => ({ ...input, version: input.version + 1 }),
};

vi.mock("../../backend/call", async (actual) => ({
  ...(await actual<typeof import("../../backend/call")>()),
  call: async (act: string, input: unknown) => {
    calls.push({ act, input });
    if (act === "get_return_policy") return policy;
    if (act === "set_return_policy") return answers.set(input as ReturnPolicy);
    throw new Error(`unexpected ${act}`);
  },
}));

async function render() {
  await mount(<ReturnPolicyPage />, { session: sessionAs(["quality_lead"]) });
  await settle();
}

const field = (id: string) => {
  const el = document.querySelector<HTMLInputElement>(`[data-testid="${id}"]`);
  if (!el) throw new Error(`no ${id}`);
  return el;
};
/** The label, description and error shown around an input. */
const around = (id: string) => field(id).closest(".mantine-InputWrapper-root")?.textContent ?? "";

async function type(id: string, text: string) {
  await act(async () => {
    const input = field(id);
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")?.set?.call(input, text);
    input.dispatchEvent(new Event("input", { bubbles: true }));
  });
}

async function save() {
  await act(async () => field("policy-save").click());
  await settle();
}

const saved = () =>
  calls.filter((c) => c.act === "set_return_policy").map((c) => c.input as ReturnPolicy);

afterEach(() => {
  document.body.innerHTML = "";
  calls.length = 0;
  answers.set = (input) => ({ ...input, version: input.version + 1 });
});

it("shows the costs for the returns KPIs, a known one as money and an unknown one empty", async () => {
  await render();
  const costs = document.querySelector('[data-testid="policy-costs"]')?.textContent ?? "";
  expect(costs).toContain("Costs for the returns KPIs");
  expect(costs).toContain("These feed cost per return in Reports");
  expect(field("policy-handling-cost").value).toBe("3.50");
  expect(around("policy-handling-cost")).toContain("Handling cost per return (EUR)");
  expect(field("policy-label-postage").value).toBe("");
  expect(around("policy-label-postage")).toContain("Postage per return label (EUR)");
});

it("saves typed costs in minor units and an emptied one as null", async () => {
  await render();
  await type("policy-handling-cost", "");
  await type("policy-label-postage", "6,95");
  await save();
  expect(saved()).toHaveLength(1);
  expect(saved()[0]?.handling_cost_minor).toBeNull();
  expect(saved()[0]?.label_postage_minor).toBe(695);
  expect(saved()[0]).toEqual({ ...policy, handling_cost_minor: null, label_postage_minor: 695 });
});

it("keeps text that is not money from the backend and says so at the field", async () => {
  await render();
  await type("policy-label-postage", "cheap");
  await save();
  expect(saved()).toHaveLength(0);
  expect(around("policy-label-postage")).toContain("Enter an amount in EUR, such as 1234.50");
  expect(around("policy-handling-cost")).not.toContain("Enter an amount");
  await type("policy-label-postage", "6.955");
  await save();
  expect(saved()).toHaveLength(0);
  expect(around("policy-label-postage")).toContain("EUR amounts have at most 2 decimals");
});

it("shows the backend's refusal of a negative cost at that cost's field", async () => {
  answers.set = () => {
    throw new ApiFailure({
      code: "invalid",
      message_key: "error.code.invalid",
      params: {},
      fields: [
        {
          field: "handling_cost_minor",
          message_key: "error.field.negative",
          row: null,
          params: {},
        },
        {
          field: "label_postage_minor",
          message_key: "error.field.negative",
          row: null,
          params: {},
        },
      ],
    });
  };
  await render();
  await type("policy-handling-cost", "-1");
  await type("policy-label-postage", "-2.00");
  await save();
  expect(saved()[0]?.handling_cost_minor).toBe(-100);
  expect(saved()[0]?.label_postage_minor).toBe(-200);
  expect(around("policy-handling-cost")).toContain("Cannot be negative");
  expect(around("policy-label-postage")).toContain("Cannot be negative");
  expect(document.querySelector('[data-testid="policy-errors"]')).toBeNull();
});
