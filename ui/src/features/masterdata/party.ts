import type { TFunction } from "i18next";
import { TEXT_LIMITS } from "../../backend/bindings/textLimits";
import { fieldColumn } from "../../components/fieldColumn";
import type { Column } from "../../components/VirtualTable";
import { type FieldSpec, optional, type Values } from "./RecordForm";

/** What customers and vendors alike have: a code, a name, a country and how to reach them. */
type Party = {
  code: string;
  name: string;
  country: string;
  email: string | null;
  phone: string | null;
};

/** A party's form fields: `between` stands after the name (a vendor's contact person). */
export function partyFields(between: FieldSpec[], after: FieldSpec[]): FieldSpec[] {
  return [
    { name: "code", kind: "text", required: true, key: true },
    { name: "country", kind: "text", required: true },
    { name: "name", kind: "text", required: true, wide: true, maxLength: TEXT_LIMITS.name },
    ...between,
    { name: "email", kind: "text", maxLength: TEXT_LIMITS.email },
    { name: "phone", kind: "text", maxLength: TEXT_LIMITS.phone },
    ...after,
  ];
}

/** A party's input from the form's values: trimmed, the country in capitals, blanks as none. */
export function partyInput(v: Values): Party {
  return {
    code: String(v.code ?? "").trim(),
    name: String(v.name ?? "").trim(),
    country: String(v.country ?? "")
      .trim()
      .toUpperCase(),
    email: optional(v.email),
    phone: optional(v.phone),
  };
}

const CLIP = { clip: true } as const;

/** A party list's columns; `between` stands after the country, `after` at the end. */
export function partyColumns<T extends Party>(
  t: TFunction,
  codeWidth: string,
  between: Column<T>[],
  after: Column<T>[],
): Column<T>[] {
  return [
    fieldColumn("code", t("masterdata.field.code"), "code", { width: codeWidth }),
    fieldColumn("name", t("masterdata.field.name"), "name", {
      width: "minmax(220px, 2fr)",
      ...CLIP,
    }),
    fieldColumn("country", t("masterdata.field.country"), "country", { width: "80px" }),
    ...between,
    fieldColumn("email", t("masterdata.field.email"), "email", {
      width: "minmax(180px, 1fr)",
      ...CLIP,
    }),
    fieldColumn("phone", t("masterdata.field.phone"), "phone", { width: "140px" }),
    ...after,
  ];
}
