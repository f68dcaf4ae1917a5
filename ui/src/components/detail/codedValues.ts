import type { TFunction } from "i18next";

/**
 * How a record's history reads its coded fields: each field of `names` in the UI language,
 * by its i18n prefix (an unknown code as recorded); free text stays as recorded.
 */
export function codedValues(names: Record<string, string>) {
  return (t: TFunction, field: string, value: string): string => {
    const prefix = names[field];
    return prefix ? t(`${prefix}.${value}`, { defaultValue: value }) : value;
  };
}
