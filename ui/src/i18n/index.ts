import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import en from "../locales/en.json";
import nl from "../locales/nl.json";
import zhCN from "../locales/zh-CN.json";

export const LANGUAGES = [
  { code: "en", label: "English" },
  { code: "zh-CN", label: "中文" },
  { code: "nl", label: "Nederlands" },
] as const;

i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, "zh-CN": { translation: zhCN }, nl: { translation: nl } },
  lng: "en",
  fallbackLng: "en",
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18n;
