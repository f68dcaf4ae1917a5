import { act } from "react";
import en from "../../locales/en/masterdata.json";
import { mountTranslated } from "../../testing/translated";
import { ImportErrorsModal } from "./ImportErrorsModal";

it("lists every bad row with line, column and reason, and says nothing was imported", async () => {
  const root = await mountTranslated(
    <ImportErrorsModal
      file="products.csv"
      rows={[
        { row: 3, field: "gtin", message_key: "error.bad", params: { value: "123" } },
        { row: null, field: "currency", message_key: "error.bad", params: { value: "" } },
      ]}
      onClose={() => {}}
    />,
    { ...en, error: { bad: "Bad value {{value}}" } },
  );
  const rows = [...document.querySelectorAll('[data-testid="import-error-row"]')].map((r) =>
    [...r.querySelectorAll("td")].map((td) => td.textContent),
  );
  expect(rows).toEqual([
    ["3", "gtin", "Bad value 123"],
    ["—", "currency", "Bad value "],
  ]);
  expect(document.querySelector('[data-testid="import-errors"]')?.textContent).toContain(
    "Nothing was imported",
  );
  await act(async () => root.unmount());
});
