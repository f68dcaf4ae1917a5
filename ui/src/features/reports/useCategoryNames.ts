import { useTranslation } from "react-i18next";
import { useCategories } from "../../queries/lists";
import { categoryName } from "../failures/categoryName";

/** Defect category code → its name in the UI language (the code while names load). */
export function useCategoryNames(): (code: string) => string {
  const { i18n } = useTranslation();
  const categories = useCategories();
  return (code: string) => {
    const found = categories.data?.find((c) => c.code === code);
    return found ? categoryName(found, i18n.language) : code;
  };
}
