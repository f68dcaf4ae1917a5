import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import { setMoneyLanguage } from "../money";

export const LANGUAGES = [
  { code: "en", label: "English" },
  { code: "zh-CN", label: "中文" },
  { code: "nl", label: "Nederlands" },
] as const;

type Tree = { [key: string]: string | Tree };

/** A locale file's node: the three languages' texts side by side, or more keys below. */
type Sided = { [key: string]: string | Sided };

// One file per area (locales/<area>.json), each text with its three languages side by side
// (`{ "en": …, "zh-CN": …, "nl": … }`), so features own their wording and a translator sees
// what is missing where it is missing.
const files = import.meta.glob<Sided>("../locales/*.json", { eager: true, import: "default" });

function isTranslations(node: Sided): node is Record<string, string> {
  return Object.values(node).every((value) => typeof value === "string");
}

/** Puts each language's text of `node` under `path` in that language's tree. */
function split(node: Sided, path: string[], into: Record<string, Tree>, file: string) {
  if (isTranslations(node)) {
    for (const [language, text] of Object.entries(node)) {
      into[language] ??= {};
      let tree = into[language];
      for (const key of path.slice(0, -1)) {
        const below = tree[key];
        if (typeof below === "object") tree = below;
        else {
          const made: Tree = {};
          tree[key] = made;
          tree = made;
        }
      }
      tree[path.at(-1) as string] = text;
    }
    return;
  }
  for (const [key, value] of Object.entries(node)) {
    if (typeof value === "string") {
      throw new Error(`${file}: ${[...path, key].join(".")} mixes a text with keys below it`);
    }
    split(value, [...path, key], into, file);
  }
}

export function localeTrees(): Record<string, Tree> {
  const out: Record<string, Tree> = {};
  for (const [file, tree] of Object.entries(files)) split(tree, [], out, file);
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
