import { Badge, Group } from "@mantine/core";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { may, useSession } from "../../app/session";
import type { ProductInput } from "../../backend/bindings/ProductInput";
import type { ProductView } from "../../backend/bindings/ProductView";
import { TEXT_LIMITS } from "../../backend/bindings/textLimits";
import { call } from "../../backend/call";
import { fieldColumn, moneyColumn } from "../../components/fieldColumn";
import type { Column } from "../../components/VirtualTable";
import { fromMinor, moneyParams, parseMoney } from "../../money";
import { MasterPage } from "./MasterPage";
import { ProductBom } from "./ProductBom";
import { ProductSafetyStock } from "./ProductSafetyStock";
import { type BadField, type FieldSpec, optional, RecordForm, type Values } from "./RecordForm";
import { REACTIONS, reactionChoice, reactionOf } from "./reactions";
import { useProductBySku } from "./useProductBySku";

const fieldsOf = (t: TFunction): FieldSpec[] => [
  ...FIELDS,
  {
    name: "failure_reaction",
    kind: "select",
    options: REACTIONS.map((r) => ({
      value: r,
      label: t(`masterdata.reaction.${r || "default"}`),
    })),
  },
];

const FIELDS: FieldSpec[] = [
  { name: "sku", kind: "text", required: true, key: true },
  { name: "gtin", kind: "text" },
  { name: "name", kind: "text", required: true, wide: true, maxLength: TEXT_LIMITS.name },
  { name: "category", kind: "text", required: true, maxLength: TEXT_LIMITS.label },
  { name: "vendor_code", kind: "text" },
  { name: "unit_cost", kind: "money", required: true },
  { name: "currency", kind: "text", required: true },
  { name: "returnable", kind: "flag" },
  { name: "lot_tracked", kind: "flag" },
  { name: "serial_tracked", kind: "flag" },
  { name: "has_expiry", kind: "flag" },
];

function toInput(v: Values): ProductInput | BadField {
  const currency = String(v.currency ?? "")
    .trim()
    .toUpperCase();
  // The unit cost is read in the product's own currency: 1234 is ¥1,234 but €1,234.00.
  const unit = parseMoney(String(v.unit_cost ?? ""), currency);
  if (!unit.ok) {
    const badField = unit.problem === "money.unknown_currency" ? "currency" : "unit_cost";
    return { badField, message: unit.problem, params: moneyParams(currency) };
  }
  return {
    sku: String(v.sku ?? "").trim(),
    gtin: optional(v.gtin),
    name: String(v.name ?? "").trim(),
    category: String(v.category ?? "").trim(),
    unit_cost_minor: unit.minor,
    currency,
    returnable: v.returnable === true,
    lot_tracked: v.lot_tracked === true,
    serial_tracked: v.serial_tracked === true,
    has_expiry: v.has_expiry === true,
    vendor_code: optional(v.vendor_code),
    failure_reaction: reactionOf(String(v.failure_reaction ?? "")),
  };
}

const valuesOf = (p: ProductView | null, currency: string): Values =>
  p
    ? {
        sku: p.sku,
        gtin: p.gtin ?? "",
        name: p.name,
        category: p.category,
        vendor_code: p.vendor_code ?? "",
        unit_cost: fromMinor(p.unit_cost_minor, p.currency),
        currency: p.currency,
        returnable: p.returnable,
        lot_tracked: p.lot_tracked,
        serial_tracked: p.serial_tracked,
        has_expiry: p.has_expiry,
        failure_reaction: reactionChoice(p.failure_reaction),
      }
    : { currency, returnable: true, unit_cost: "", failure_reaction: "" };

/**
 * `openSku` opens that product's screen on arrival (a link from the dashboard or a search hit);
 * `filter` fills the list's filter.
 */
export function ProductsPage({
  openSku = null,
  filter,
}: {
  openSku?: string | null;
  filter?: string;
}) {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const opened = useProductBySku(openSku);
  const flag = (on: boolean, key: string) =>
    on ? (
      <Badge key={key} size="xs" variant="light">
        {t(`masterdata.field.${key}`)}
      </Badge>
    ) : null;
  const columns: Column<ProductView>[] = [
    fieldColumn("sku", t("masterdata.field.sku"), "sku", { width: "150px" }),
    fieldColumn("name", t("masterdata.field.name"), "name", {
      width: "minmax(200px, 2fr)",
      clip: true,
    }),
    fieldColumn("category", t("masterdata.field.category"), "category", {
      width: "120px",
      clip: true,
    }),
    fieldColumn("vendor", t("masterdata.field.vendor_code"), "vendor_code", {
      width: "90px",
      clip: true,
    }),
    fieldColumn("gtin", t("masterdata.field.gtin"), "gtin", { width: "140px" }),
    moneyColumn(
      "cost",
      t("masterdata.field.unit_cost"),
      (p) => p.unit_cost_minor,
      i18n.language,
      "100px",
    ),
    {
      id: "flags",
      header: t("masterdata.products.tracking"),
      enableSorting: false,
      cell: ({ row }) => (
        <Group gap={4} wrap="nowrap">
          {flag(row.original.lot_tracked, "lot_tracked")}
          {flag(row.original.serial_tracked, "serial_tracked")}
          {flag(row.original.has_expiry, "has_expiry")}
        </Group>
      ),
      meta: { width: "minmax(160px, 1fr)" },
    },
  ];
  return (
    <MasterPage
      entity="products"
      list={(q) => call("list_products", q)}
      columns={columns}
      rowKey={(p) => p.sku}
      opened={opened}
      filter={filter}
      form={(row, close) => (
        <>
          <RecordForm
            entity="products"
            fields={fieldsOf(t)}
            initial={valuesOf(row, session.settings.currency)}
            isNew={row === null}
            toInput={toInput}
            save={(input: ProductInput) => call("save_product", input)}
            onClose={close}
            extra={row && <ProductSafetyStock sku={row.sku} />}
          />
          {row && <ProductBom sku={row.sku} mayEdit={may(session, "edit_master_data")} />}
        </>
      )}
    />
  );
}
