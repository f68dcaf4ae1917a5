import type { TFunction } from "i18next";

/**
 * A step's modal title and intro, kept together under one i18n key (`${key}.title`,
 * `${key}.intro`); `values` fill the title.
 */
export function stepTexts(t: TFunction, key: string, values?: Record<string, unknown>) {
  return { title: t(`${key}.title`, values ?? {}), intro: t(`${key}.intro`) };
}
