import { useTranslation } from "react-i18next";
import type { CustomerInput } from "../../backend/bindings/CustomerInput";
import type { CustomerView } from "../../backend/bindings/CustomerView";
import { TEXT_LIMITS } from "../../backend/bindings/textLimits";
import { call } from "../../backend/call";
import type { Column } from "../../components/VirtualTable";
import { ComplaintLink } from "../production/ComplaintLink";
import { MasterPage } from "./MasterPage";
import { type FieldSpec, optional, RecordForm, type Values } from "./RecordForm";

const FIELDS: FieldSpec[] = [
  { name: "code", kind: "text", required: true, key: true },
  { name: "country", kind: "text", required: true },
  { name: "name", kind: "text", required: true, wide: true, maxLength: TEXT_LIMITS.name },
  { name: "email", kind: "text", maxLength: TEXT_LIMITS.email },
  { name: "phone", kind: "text", maxLength: TEXT_LIMITS.phone },
  { name: "address", kind: "textarea", maxLength: TEXT_LIMITS.address },
];

const toInput = (v: Values): CustomerInput => ({
  code: String(v.code ?? "").trim(),
  name: String(v.name ?? "").trim(),
  email: optional(v.email),
  phone: optional(v.phone),
  address: optional(v.address),
  country: String(v.country ?? "")
    .trim()
    .toUpperCase(),
});

const valuesOf = (c: CustomerView | null): Values =>
  c
    ? { ...c, email: c.email ?? "", phone: c.phone ?? "", address: c.address ?? "" }
    : { country: "" };

export function CustomersPage({ filter }: { filter?: string }) {
  const { t } = useTranslation();
  const columns: Column<CustomerView>[] = [
    {
      id: "code",
      header: t("masterdata.field.code"),
      accessorKey: "code",
      enableSorting: false,
      meta: { width: "110px" },
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
    {
      id: "address",
      header: t("masterdata.field.address"),
      accessorKey: "address",
      enableSorting: false,
      meta: { width: "minmax(180px, 1fr)", clip: true },
    },
    {
      id: "complaint",
      header: "",
      enableSorting: false,
      cell: ({ row }) => (
        <ComplaintLink links={{ customer_code: row.original.code }} testId="customer-complaint" />
      ),
      meta: { width: "48px" },
    },
  ];
  return (
    <MasterPage
      filter={filter}
      entity="customers"
      list={(q) => call("list_customers", q)}
      columns={columns}
      rowKey={(c) => c.code}
      form={(row, close) => (
        <RecordForm
          entity="customers"
          fields={FIELDS}
          initial={valuesOf(row)}
          isNew={row === null}
          toInput={toInput}
          save={(input: CustomerInput) => call("save_customer", input)}
          onClose={close}
        />
      )}
    />
  );
}
