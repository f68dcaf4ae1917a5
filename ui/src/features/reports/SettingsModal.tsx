import type { ComponentProps } from "react";
import { useTranslation } from "react-i18next";
import { stepTexts } from "../../components/actions/stepTexts";
import { FormModal } from "../../components/FormModal";

/**
 * A form of the reports' settings (targets, the scorecard's formula): large, titled and
 * introduced under the i18n key `texts`.
 */
export function SettingsModal({
  texts,
  ...form
}: { texts: string } & Omit<ComponentProps<typeof FormModal>, "title" | "intro" | "size">) {
  const { t } = useTranslation();
  return <FormModal {...stepTexts(t, texts)} size="lg" {...form} />;
}
