import { act } from "react";
import type { ApiError } from "../../backend/bindings/ApiError";
import en from "../../locales/en/masterdata.json";
import { mountTranslated } from "../../testing/translated";
import { asksForEncoding, EncodingModal } from "./EncodingModal";

const unsure: ApiError = {
  code: "invalid",
  message_key: "error.import.encoding_unsure",
  params: { encoding: "Shift_JIS" },
  fields: [
    {
      field: "encoding",
      row: null,
      message_key: "error.import.encoding_unsure",
      params: { encoding: "Shift_JIS" },
    },
  ],
};

it("asks for the encoding only when the backend could not tell it", () => {
  expect(asksForEncoding(unsure)).toBe(true);
  const badRow: ApiError = {
    code: "invalid",
    message_key: "error.invalid",
    params: {},
    fields: [{ field: "gtin", row: 3, message_key: "error.product.bad_gtin", params: {} }],
  };
  expect(asksForEncoding(badRow)).toBe(false);
});

it("says why the file was not read and offers to import it again in a chosen encoding", async () => {
  const root = await mountTranslated(
    <EncodingModal file="producten.csv" error={unsure} onRetry={() => {}} onClose={() => {}} />,
    {
      ...en,
      error: { import: { encoding_unsure: "Cannot tell (looks like {{encoding}})" } },
    },
  );
  expect(document.querySelector('[data-testid="import-encoding-reason"]')?.textContent).toBe(
    "Cannot tell (looks like Shift_JIS)",
  );
  expect(document.body.textContent).toContain("Which character encoding is producten.csv in?");
  const retry = document.querySelector<HTMLButtonElement>('[data-testid="import-encoding-retry"]');
  expect(retry?.disabled).toBe(true);
  await act(async () => root.unmount());
});
