import { useTranslation } from "react-i18next";
import type { Language } from "../../backend/bindings/Language";
import { TEXT_LIMITS } from "../../backend/bindings/textLimits";
import type { VendorInput } from "../../backend/bindings/VendorInput";
import type { VendorView } from "../../backend/bindings/VendorView";
import { call } from "../../backend/call";
import type { Column } from "../../components/VirtualTable";
import { LANGUAGES } from "../../i18n";
import { MasterPage } from "./MasterPage";
import { type FieldSpec, optional, RecordForm, type Values } from "./RecordForm";
import { VendorLotQuality } from "./VendorLotQuality";

const FIELDS: FieldSpec[] = [
  { name: "code", kind: "text", required: true, key: true },
  { name: "country", kind: "text", required: true },
  { name: "name", kind: "text", required: true, wide: true, maxLength: TEXT_LIMITS.name },
  { name: "contact_name", kind: "text", maxLength: TEXT_LIMITS.name },
  { name: "email", kind: "text", maxLength: TEXT_LIMITS.email },
  { name: "phone", kind: "text", maxLength: TEXT_LIMITS.phone },
  {
    name: "language",
    kind: "select",
    options: LANGUAGES.map((l) => ({ value: l.code, label: l.label })),
  },
];

const toInput = (v: Values): VendorInput => ({
  code: String(v.code ?? "").trim(),
  name: String(v.name ?? "").trim(),
  country: String(v.country ?? "")
    .trim()
    .toUpperCase(),
  contact_name: optional(v.contact_name),
  email: optional(v.email),
  phone: optional(v.phone),
  language: (String(v.language ?? "en") as Language) || "en",
});

const valuesOf = (v: VendorView | null): Values =>
  v
    ? { ...v, contact_name: v.contact_name ?? "", email: v.email ?? "", phone: v.phone ?? "" }
    : { language: "en", country: "" };

export function VendorsPage({ filter }: { filter?: string }) {
  const { t } = useTranslation();
  const columns: Column<VendorView>[] = [
    {
      id: "code",
      header: t("masterdata.field.code"),
      accessorKey: "code",
      enableSorting: false,
      meta: { width: "100px" },
    },
    {
      id: "name",
      header: t("masterdata.field.name"),
      accessorKey: "name",
      enableSorting: false,
      meta: { width: "minmax(220px, 2fr)", clip: true },
    },
    {
      id: "country",
      header: t("masterdata.field.country"),
      accessorKey: "country",
      enableSorting: false,
      meta: { width: "80px" },
    },
    {
      id: "contact",
      header: t("masterdata.field.contact_name"),
      accessorKey: "contact_name",
      enableSorting: false,
      meta: { width: "minmax(140px, 1fr)", clip: true },
    },
    {
      id: "email",
      header: t("masterdata.field.email"),
      accessorKey: "email",
      enableSorting: false,
      meta: { width: "minmax(180px, 1fr)", clip: true },
    },
    {
      id: "phone",
      header: t("masterdata.field.phone"),
      accessorKey: "phone",
      enableSorting: false,
      meta: { width: "140px" },
    },
  ];
  return (
    <MasterPage
      filter={filter}
      entity="vendors"
      list={(q) => call("list_vendors", q)}
      columns={columns}
      rowKey={(v) => v.code}
      form={(row, close) => (
        <>
          <RecordForm
            entity="vendors"
            fields={FIELDS}
            initial={valuesOf(row)}
            isNew={row === null}
            toInput={toInput}
            save={(input: VendorInput) => call("save_vendor", input)}
            onClose={close}
          />
          {row && <VendorLotQuality vendorCode={row.code} />}
        </>
      )}
    />
  );
}
