import { createRoute } from "@tanstack/react-router";
import { act } from "react";
import "../../i18n";
import type { OrderView } from "../../backend/bindings/OrderView";
import i18n from "../../i18n";
import { settle } from "../../testing/mount";
import { byTestId, mountAt } from "../../testing/route";
import { sessionAs } from "../../testing/session";
import { OpenRmaPage } from "./OpenRmaPage";

const ORDER: OrderView = {
  order_no: "SO-1001",
  customer_code: "C-7",
  customer_name: "De Vries",
  ordered_at: "2026-10-01T10:00:00Z",
  status: "open",
  currency: "EUR",
  line_count: 0,
  total_minor: 0,
  lines: [],
  channel: null,
};

vi.mock("../../backend/call", async (actual) => {
  const real = await actual<typeof import("../../backend/call")>();
  return {
    ...real,
    call: async (act: string, input: Record<string, unknown>) => {
      if (act === "list_orders") {
        const text = String(input.text ?? "").toLowerCase();
        return { rows: "de vries".includes(text) ? [ORDER] : [], total: 1 };
      }
      if (act === "get_order") {
        throw new real.ApiFailure({
          code: "not_found",
          message_key: "error.not_found",
          params: { entity: "order", key: String(input.order_no) },
          fields: [],
        });
      }
      if (act === "get_return_policy") return { reasons: [] };
      throw new Error(`unexpected ${act}`);
    },
  };
});

afterEach(async () => {
  document.body.innerHTML = "";
  await act(async () => {
    await i18n.changeLanguage("en");
  });
});

async function typeOrder(text: string) {
  await act(async () => {
    const input = byTestId("rma-order")[0] as HTMLInputElement;
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")?.set?.call(input, text);
    input.dispatchEvent(new Event("input", { bubbles: true }));
  });
  // The field waits 300 ms after the last key before it looks the order up.
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 400));
  });
  await settle();
}

test("a customer's name offers their orders instead of saying there is no such order (Dutch)", async () => {
  await act(async () => {
    await i18n.changeLanguage("nl");
  });
  await mountAt(
    "/returns/new",
    (root) =>
      createRoute({ getParentRoute: () => root, path: "/returns/new", component: OpenRmaPage }),
    sessionAs(["returns_analyst"]),
  );
  await typeOrder("De Vries");
  const field = byTestId("rma-order")[0]?.closest(".mantine-InputWrapper-root")?.textContent ?? "";
  expect(field).toContain("1 order past: kies hem uit de lijst");
  expect(field).not.toContain("De Vries bestaat niet");
  expect(document.querySelector('[aria-invalid="true"]')).toBeNull();

  await typeOrder("SO-9999");
  const unknown =
    byTestId("rma-order")[0]?.closest(".mantine-InputWrapper-root")?.textContent ?? "";
  expect(unknown).not.toContain("kies");
  expect(document.querySelector('[aria-invalid="true"]')).not.toBeNull();
});
