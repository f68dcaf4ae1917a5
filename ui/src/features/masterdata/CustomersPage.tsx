import { useTranslation } from "react-i18next";
import type { CustomerInput } from "../../backend/bindings/CustomerInput";
import type { CustomerView } from "../../backend/bindings/CustomerView";
import { TEXT_LIMITS } from "../../backend/bindings/textLimits";
import { call } from "../../backend/call";
import { fieldColumn } from "../../components/fieldColumn";
import { complaintColumn } from "./complaintColumn";
import { MasterPage } from "./MasterPage";
import { partyColumns, partyFields, partyInput } from "./party";
import { optional, RecordForm, type Values } from "./RecordForm";

const FIELDS = partyFields(
  [],
  [{ name: "address", kind: "textarea", maxLength: TEXT_LIMITS.address }],
);

const toInput = (v: Values): CustomerInput => ({ ...partyInput(v), address: optional(v.address) });

const valuesOf = (c: CustomerView | null): Values =>
  c
    ? { ...c, email: c.email ?? "", phone: c.phone ?? "", address: c.address ?? "" }
    : { country: "" };

export function CustomersPage({ filter }: { filter?: string }) {
  const { t } = useTranslation();
  const columns = partyColumns<CustomerView>(
    t,
    "110px",
    [],
    [
      fieldColumn("address", t("masterdata.field.address"), "address", {
        width: "minmax(180px, 1fr)",
        clip: true,
      }),
      complaintColumn((c) => ({ customer_code: c.code }), "customer-complaint"),
    ],
  );
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
