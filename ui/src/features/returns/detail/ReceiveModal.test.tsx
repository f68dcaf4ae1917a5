import { act } from "react";
import "../../../i18n";
import i18n from "../../../i18n";
import { mount, settle } from "../../../testing/mount";
import { sessionAs } from "../../../testing/session";
import type { RmaDetail } from "../types";
import { ReceiveModal } from "./ReceiveModal";

const DETAIL = {
  rma_no: "RMA-AMS1-000004",
  currency: "EUR",
  opening: { lines: [{ order_no: "SO-1", line_no: 1, sku: "BOX-5L", qty: 2, serials: [] }] },
} as unknown as RmaDetail;

const calls: { act: string; input: Record<string, unknown> }[] = [];

vi.mock("../../../backend/call", async (actual) => ({
  ...(await actual<typeof import("../../../backend/call")>()),
  call: async (act: string, input: Record<string, unknown>) => {
    calls.push({ act, input });
    if (act === "receive_rma") return { ...DETAIL, status: "received" };
    throw new Error(`unexpected ${act}`);
  },
}));

afterEach(async () => {
  calls.length = 0;
  document.body.innerHTML = "";
  await act(async () => {
    await i18n.changeLanguage("en");
  });
});

const field = <T extends HTMLElement>(id: string) => {
  const el = document.querySelector<T>(`[data-testid="${id}"]`);
  if (!el) throw new Error(`no ${id}`);
  return el;
};

async function choose(id: string, value: string) {
  await act(async () => {
    const select = field<HTMLSelectElement>(id);
    select.value = value;
    select.dispatchEvent(new Event("change", { bubbles: true }));
  });
}

async function submit() {
  await act(async () => field("rma-receive-submit").click());
  await settle();
}

test("asks every intake check and the grade, assuming none, then sends the answers (Dutch)", async () => {
  await act(async () => {
    await i18n.changeLanguage("nl");
  });
  await mount(<ReceiveModal detail={DETAIL} onClose={() => {}} />, {
    session: sessionAs(["returns_analyst"]),
  });
  await settle();
  for (const id of [
    "rma-receive-packaging",
    "rma-receive-accessories",
    "rma-receive-serials",
    "rma-receive-grade",
  ]) {
    expect(field<HTMLSelectElement>(id).value).toBe("");
  }
  await submit();
  expect(calls).toHaveLength(0);
  expect(document.body.textContent).toContain("Maak een keuze");

  await choose("rma-receive-packaging", "no");
  await choose("rma-receive-accessories", "yes");
  await choose("rma-receive-serials", "yes");
  await choose("rma-receive-grade", "C");
  await submit();
  expect(calls[0]?.act).toBe("receive_rma");
  expect(calls[0]?.input.intake).toMatchObject({
    packaging_intact: false,
    accessories_complete: true,
    serials_match: true,
    grade: "C",
  });
});
