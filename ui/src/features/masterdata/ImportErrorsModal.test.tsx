import { MantineProvider } from "@mantine/core";
import i18n from "i18next";
import { act } from "react";
import { createRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import en from "../../locales/en/masterdata.json";
import { ImportErrorsModal } from "./ImportErrorsModal";

it("lists every bad row with line, column and reason, and says nothing was imported", async () => {
  const i18nInstance = i18n.createInstance();
  await i18nInstance.use(initReactI18next).init({
    lng: "en",
    resources: { en: { translation: { ...en, error: { bad: "Bad value {{value}}" } } } },
    interpolation: { escapeValue: false },
  });
  const host = document.createElement("div");
  document.body.append(host);
  const root = createRoot(host);
  await act(async () =>
    root.render(
      <MantineProvider>
        <I18nextProvider i18n={i18nInstance}>
          <ImportErrorsModal
            file="products.csv"
            rows={[
              { row: 3, field: "gtin", message_key: "error.bad", params: { value: "123" } },
              { row: null, field: "currency", message_key: "error.bad", params: { value: "" } },
            ]}
            onClose={() => {}}
          />
        </I18nextProvider>
      </MantineProvider>,
    ),
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
