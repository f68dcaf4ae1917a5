import { TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { DefectCategory } from "../../backend/bindings/DefectCategory";
import { TEXT_LIMITS } from "../../backend/bindings/textLimits";
import { call } from "../../backend/call";
import { DrawerForm } from "../../components/forms/DrawerForm";
import { ActiveSwitch, type Editing, useCodeForm } from "./CodeList";

/** A defect category's code and its name in each of the three languages. */
export function CategoryForm({
  onClose,
  ...editing
}: Editing<DefectCategory> & { onClose: () => void }) {
  const { t } = useTranslation();
  const form = useCodeForm("categories", editing, (c) => call("save_defect_category", c), onClose);
  const { draft, set, errors } = form;
  const text = (name: "code" | "name_en" | "name_zh" | "name_nl", label: string) => (
    <TextInput
      label={label}
      maxLength={name === "code" ? undefined : TEXT_LIMITS.label}
      value={draft[name]}
      onChange={(e) => set(name, e.currentTarget.value)}
      error={errors[name]}
      required
      disabled={name === "code" && !form.isNew}
    />
  );
  return (
    <DrawerForm {...form.drawer} submitTestId="category-save">
      {text("code", t("categories.code"))}
      {text("name_en", `${t("categories.name")} (English)`)}
      {text("name_zh", `${t("categories.name")} (中文)`)}
      {text("name_nl", `${t("categories.name")} (Nederlands)`)}
      <ActiveSwitch form={form} />
    </DrawerForm>
  );
}
