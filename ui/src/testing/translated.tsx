import { MantineProvider } from "@mantine/core";
import i18n from "i18next";
import type { ReactNode } from "react";
import type { Root } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { renderRoot } from "./mount";

/**
 * Renders `ui` in English with only `translation` (a namespace's keys plus any the test sets),
 * so a test reads the words a user reads without the app's whole i18n set-up.
 */
export async function mountTranslated(
  ui: ReactNode,
  translation: Record<string, unknown>,
): Promise<Root> {
  const i18nInstance = i18n.createInstance();
  await i18nInstance.use(initReactI18next).init({
    lng: "en",
    resources: { en: { translation } },
    interpolation: { escapeValue: false },
  });
  const { root } = await renderRoot(
    <MantineProvider>
      <I18nextProvider i18n={i18nInstance}>{ui}</I18nextProvider>
    </MantineProvider>,
  );
  return root;
}
