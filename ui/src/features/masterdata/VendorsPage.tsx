import { useTranslation } from "react-i18next";
import type { Language } from "../../backend/bindings/Language";
import { TEXT_LIMITS } from "../../backend/bindings/textLimits";
import type { VendorInput } from "../../backend/bindings/VendorInput";
import type { VendorView } from "../../backend/bindings/VendorView";
import { call } from "../../backend/call";
import { fieldColumn } from "../../components/fieldColumn";
import { LANGUAGES } from "../../i18n";
import { MasterPage } from "./MasterPage";
import { partyColumns, partyFields, partyInput } from "./party";
import { optional, RecordForm, type Values } from "./RecordForm";
import { VendorLotQuality } from "./VendorLotQuality";

const FIELDS = partyFields(
  [{ name: "contact_name", kind: "text", maxLength: TEXT_LIMITS.name }],
  [
    {
      name: "language",
      kind: "select",
      options: LANGUAGES.map((l) => ({ value: l.code, label: l.label })),
    },
  ],
);

const toInput = (v: Values): VendorInput => ({
  ...partyInput(v),
  contact_name: optional(v.contact_name),
  language: (String(v.language ?? "en") as Language) || "en",
});

const valuesOf = (v: VendorView | null): Values =>
  v
    ? { ...v, contact_name: v.contact_name ?? "", email: v.email ?? "", phone: v.phone ?? "" }
    : { language: "en", country: "" };

export function VendorsPage({ filter }: { filter?: string }) {
  const { t } = useTranslation();
  const columns = partyColumns<VendorView>(
    t,
    "100px",
    [
      fieldColumn("contact", t("masterdata.field.contact_name"), "contact_name", {
        width: "minmax(140px, 1fr)",
        clip: true,
      }),
    ],
    [],
  );
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
