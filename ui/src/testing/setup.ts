import { configure } from "@testing-library/react";
import i18n from "../i18n";
import { installCurrencies } from "../money";
import currencies from "./currencies.json";

// Some tests run in the node environment (`@vitest-environment node`), where there is no DOM.
if (typeof window !== "undefined") {
  // Mantine and React Flow ask the browser about media queries and element sizes, which jsdom lacks.
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
  window.matchMedia ??= (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    }) as MediaQueryList;
  // The router restores scroll positions, which jsdom does not implement.
  window.scrollTo = () => {};
  // Tells React that the tests wrap their updates in act(), so it warns about any that escape.
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
}

// `findBy…` and `waitFor` give up after a second by default: on a 2-core CI machine that is busy
// with other work a screen can take longer to answer. A hang still fails, later.
configure({ asyncUtilTimeout: 10_000 });

// Every test formats and parses money with the currency table as the backend serves it
// (`setup_status.currencies`, which crates/app/tests/money.rs writes to currencies.json).
installCurrencies(currencies);

// A key built from a template (`reports.${id}.title`) escapes the locale test's scan of literal
// keys, so every test fails when the screen it renders asks for a key no language defines. A key
// asked with a defaultValue is one a newer desk may send, and falls back on purpose.
const missingKeys = new Set<string>();
i18n.options.saveMissing = true;
i18n.options.missingKeyHandler = (_languages, _namespace, key, _fallback, _update, options) => {
  if ((options as { defaultValue?: unknown } | undefined)?.defaultValue === undefined)
    missingKeys.add(key);
};
afterEach(() => {
  const asked = [...missingKeys];
  missingKeys.clear();
  expect(asked, "translation keys no language defines").toEqual([]);
});
