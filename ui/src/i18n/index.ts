import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import { setMoneyLanguage } from "../money";

export const LANGUAGES = [
  { code: "en", label: "English" },
  { code: "zh-CN", label: "中文" },
  { code: "nl", label: "Nederlands" },
] as const;

type Tree = { [key: string]: string | Tree };

// One file per area and language (locales/<lang>/<area>.json), so features own their wording.
const files = import.meta.glob<Tree>("../locales/*/*.json", { eager: true, import: "default" });

function merge(into: Tree, from: Tree): Tree {
  for (const [key, value] of Object.entries(from)) {
    const existing = into[key];
    if (typeof value === "object" && typeof existing === "object") merge(existing, value);
    else into[key] = typeof value === "object" ? merge({}, value) : value;
  }
  return into;
}

export function localeTrees(): Record<string, Tree> {
  const out: Record<string, Tree> = {};
  for (const [path, tree] of Object.entries(files)) {
    const language = path.split("/").at(-2) ?? "en";
    out[language] = merge(out[language] ?? {}, tree);
  }
  return out;
}

const resources = Object.fromEntries(
  Object.entries(localeTrees()).map(([language, tree]) => [language, { translation: tree }]),
);

i18n.use(initReactI18next).init({
  resources,
  lng: "en",
  fallbackLng: "en",
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** The page says which language it is in, so screen readers and CJK fonts follow the person's choice. */
export function followLanguage(language: string) {
  if (typeof document !== "undefined") document.documentElement.lang = language;
  // Amounts are typed and prefilled in the same language ("12,50" in Dutch).
  setMoneyLanguage(language);
}
followLanguage(i18n.language);
i18n.on("languageChanged", followLanguage);

export default i18n;
