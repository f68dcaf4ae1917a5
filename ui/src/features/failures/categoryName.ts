import type { DefectCategory } from "../../backend/bindings/DefectCategory";

/** A defect category's name in the UI language. */
export function categoryName(category: DefectCategory, language: string): string {
  if (language.startsWith("zh")) return category.name_zh;
  if (language.startsWith("nl")) return category.name_nl;
  return category.name_en;
}
