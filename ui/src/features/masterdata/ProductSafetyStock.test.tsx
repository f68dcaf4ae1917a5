import { act } from "react";
import "../../i18n";
import type { ProductView } from "../../backend/bindings/ProductView";
import type { Role } from "../../backend/bindings/Role";
import type { SafetyStockRow } from "../../backend/bindings/SafetyStockRow";
import { mount, settle } from "../../testing/mount";
import { sessionAs } from "../../testing/session";
import { belowMinimum } from "../reports/fixtures.test-data";
import { ProductsPage } from "./ProductsPage";

const product = (sku: string, name: string): ProductView => ({
  updated_at: "2026-11-01T00:00:00Z",
  sku,
  gtin: null,
  name,
  category: "KITCHEN",
  unit_cost_minor: 250,
  currency: "EUR",
  returnable: true,
  lot_tracked: true,
  serial_tracked: false,
  has_expiry: false,
  vendor_code: "SZHQ",
});
// A text search would also find SKUs that only contain the one asked for.
const products = [product("MUG-01X", "Mug XL"), product("MUG-01", "Mug")];
const below: SafetyStockRow = belowMinimum;

const calls: { act: string; input: unknown }[] = [];
let watched: SafetyStockRow[] = [];

vi.mock("../../backend/call", async (original) => ({
  ...(await original<typeof import("../../backend/call")>()),
  call: async (act: string, input: unknown) => {
    calls.push({ act, input });
    if (act === "list_products") return { rows: products, total: products.length };
    if (act === "get_product") {
      const { sku } = input as { sku: string };
      return products.find((p) => p.sku === sku);
    }
    if (act === "get_bom") return { parent_sku: "MUG-01", components: [], parts_per_unit: {} };
    if (act === "safety_stock_alerts") return watched;
    if (act === "set_safety_stock") {
      const { min_qty } = input as { min_qty: number | null };
      watched =
        min_qty === null ? [] : [{ ...below, min_qty, below_minimum: below.sellable < min_qty }];
      return watched;
    }
    throw new Error(`unexpected act ${act}`);
  },
}));

async function render(roles: Role[]) {
  await mount(<ProductsPage openSku="MUG-01" />, { session: sessionAs(roles) });
  await settle();
}

afterEach(() => {
  document.body.innerHTML = "";
  calls.length = 0;
});

const q = (id: string) => [...document.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)];
const one = (id: string) => {
  const [el] = q(id);
  if (!el) throw new Error(`no ${id}`);
  return el;
};
const text = (id: string) => one(id).textContent ?? "";

it("opens the linked product and shows its stock against its minimum, below it in red", async () => {
  watched = [below];
  await render(["quality_lead"]);
  // The link asks for the product by its exact SKU, not a text search that also finds MUG-01X.
  expect(calls.filter((c) => c.act === "get_product").map((c) => c.input)).toEqual([
    { sku: "MUG-01" },
  ]);
  expect((one("md-sku") as HTMLInputElement).value).toBe("MUG-01");
  expect(calls.find((c) => c.act === "safety_stock_alerts")?.input).toEqual({
    sku: "MUG-01",
    below_only: false,
  });
  expect(one("product-safety-stock").textContent).toContain("Safety stock");
  expect(text("product-safety-sellable")).toBe("20");
  expect(text("product-safety-minimum")).toBe("50");
  expect(text("product-safety-blocked")).toBe("5");
  expect(text("product-safety-in-returns")).toBe("2");
  const badge = one("product-safety-below");
  expect(badge.textContent).toBe("Below minimum");
  expect(badge.closest(".mantine-Badge-root")?.getAttribute("style")).toContain("red");
  // Only admins set minimums.
  expect(q("product-safety-edit")).toHaveLength(0);
});

it("shows no badge when the stock is at or above its minimum", async () => {
  watched = [{ ...below, sellable: 60, below_minimum: false }];
  await render(["quality_lead"]);
  expect(text("product-safety-sellable")).toBe("60");
  expect(q("product-safety-below")).toHaveLength(0);
});

it("says when the SKU is not watched, and lets an admin set its minimum", async () => {
  watched = [];
  await render(["admin"]);
  expect(text("product-safety-unwatched")).toContain("No minimum is set");
  expect(q("product-safety-sellable")).toHaveLength(0);

  const edit = one("product-safety-edit");
  expect(edit.textContent).toBe("Set minimum");
  await act(async () => edit.click());
  await settle();
  expect((one("safety-sku") as HTMLInputElement).value).toBe("MUG-01");
  const min = one("safety-min") as HTMLInputElement;
  await act(async () => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")?.set?.call(min, "30");
    min.dispatchEvent(new Event("input", { bubbles: true }));
  });
  await act(async () => one("safety-save").click());
  await settle();

  expect(calls.find((c) => c.act === "set_safety_stock")?.input).toEqual({
    sku: "MUG-01",
    min_qty: 30,
    max_qty: null,
  });
  expect(text("product-safety-minimum")).toBe("30");
  expect(text("product-safety-sellable")).toBe("20");
  expect(text("product-safety-below")).toBe("Below minimum");
});
