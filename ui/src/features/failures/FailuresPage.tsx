import { Button, Group, Stack, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconDownload, IconPlus } from "@tabler/icons-react";
import { Link, useNavigate } from "@tanstack/react-router";
import type { SortingState } from "@tanstack/react-table";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { FailureRow } from "../../backend/bindings/FailureRow";
import { call } from "../../backend/call";
import { cellColumn } from "../../components/cellColumn";
import { codeOptions } from "../../components/codeOptions";
import { DateField } from "../../components/DateField";
import { fieldColumn } from "../../components/fieldColumn";
import { useFilterState } from "../../components/forms/filterState";
import { MadeFileButton } from "../../components/MadeFileButton";
import { ChoiceFilter, FilterBar } from "../../components/page/FilterBar";
import { ListHeader } from "../../components/page/ListHeader";
import { ListSearch } from "../../components/page/ListSearch";
import { PagedRecords } from "../../components/page/PagedRecords";
import { usePagedRows } from "../../components/pagedRows";
import type { Column } from "../../components/VirtualTable";
import { formatDateTimeShort } from "../../format";
import { useAllVendors, useCategories } from "../../queries/lists";
import { SeverityBadge, StatusBadge } from "./badges";
import { categoryName } from "./categoryName";
import { type FailureFilters, NO_FILTERS, toListInput } from "./filters";

const STATUSES = ["open", "in_disposition", "awaiting_approval", "closed"];
const DISPOSITIONS = ["rework", "reinspect", "scrap", "return_to_vendor", "accept_with_deviation"];

/** The failure log; `initial` comes from the URL, so a report's figure opens its failures. */
export function FailuresPage({ initial = NO_FILTERS }: { initial?: FailureFilters }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { filters, setFilters, set, bind } = useFilterState(initial);
  const [debounced] = useDebouncedValue(filters, 250);
  const [sorting, setSorting] = useState<SortingState>([{ id: "occurred_at", desc: true }]);
  const vendors = useAllVendors();
  const categories = useCategories();
  const list = usePagedRows({
    queryKey: ["failures", debounced, sorting],
    fetchPage: (offset, limit) =>
      call("list_failures", toListInput(debounced, sorting[0], offset, limit)),
  });
  const total = list.total;

  const columns: Column<FailureRow>[] = [
    {
      id: "failure_no",
      header: t("failure.field.failure_no"),
      accessorKey: "failure_no",
      meta: { width: "132px" },
    },
    cellColumn(
      "occurred_at",
      t("failure.field.occurred_at"),
      (f) => formatDateTimeShort(f.occurred_at, i18n.language),
      { width: "140px" },
    ),
    cellColumn(
      "sku",
      t("failure.field.sku"),
      (f) => (
        <span title={f.product_name ?? ""}>
          {/* A code: the column grows to show it whole (see VirtualTable); only the name is cut. */}
          <span data-fit-col="sku" data-fit style={{ display: "inline-block" }}>
            {f.sku}
          </span>
          <span className="lotline-cell-dimmed"> {f.product_name}</span>
        </span>
      ),
      { width: "minmax(120px, 2fr)", clip: true },
    ),
    {
      id: "vendor",
      header: t("failure.field.vendor"),
      accessorKey: "vendor_code",
      meta: { width: "80px", clip: true },
    },
    fieldColumn("lot", t("failure.field.lot_code"), "lot_code", { width: "95px" }),
    cellColumn(
      "qty_failed",
      t("failure.field.qty_failed"),
      (f) => `${f.qty_failed} / ${f.qty_inspected}`,
      { width: "75px", align: "right" },
    ),
    fieldColumn("category", t("failures.column.category"), "category_code", {
      width: "80px",
      clip: true,
    }),
    cellColumn(
      "severity",
      t("failure.field.severity"),
      (f) => <SeverityBadge severity={f.severity} />,
      { width: "115px" },
    ),
    cellColumn(
      "disposition",
      t("failure.field.disposition"),
      (f) => {
        const text = f.disposition ? t(`failure.disposition.${f.disposition}`) : "—";
        return <span title={text}>{text}</span>;
      },
      // Words, not a code: on a narrow window they give way so the status stays in view.
      { width: "minmax(90px, 1fr)", clip: true },
    ),
    cellColumn("status", t("failure.field.status"), (f) => <StatusBadge status={f.status} />, {
      width: "165px",
    }),
  ];

  return (
    <Stack gap="md">
      <ListHeader list="failures" total={total} totalTestId="failures-total">
        <Group>
          <MadeFileButton
            icon={<IconDownload size={16} />}
            make={() => call("export_csv", { entity: "failures" })}
            label={t("common.export_csv")}
            testId="failures-export"
          />
          <MadeFileButton
            icon={<IconDownload size={16} />}
            make={() => call("export_disposition_lines", {})}
            label={t("failures.export_lines")}
            testId="failures-export-lines"
          />
          <Button
            component={Link}
            to="/failures/new"
            leftSection={<IconPlus size={16} />}
            data-testid="failures-new"
          >
            {t("failures.new")}
          </Button>
        </Group>
      </ListHeader>
      <FilterBar onClear={() => setFilters(NO_FILTERS)}>
        <ListSearch list="failures" {...bind("text")} w={240} testId="failures-filter-text" />
        <DateField
          label={t("failures.filter.from")}
          {...bind("from")}
          data-testid="failures-filter-from"
        />
        <DateField
          label={t("failures.filter.to")}
          {...bind("to")}
          data-testid="failures-filter-to"
        />
        <ChoiceFilter
          label={t("failure.field.vendor")}
          {...bind("vendor")}
          options={(vendors.data?.rows ?? []).map((v) => ({
            value: v.code,
            label: `${v.code} · ${v.name}`,
          }))}
          w={200}
          testId="failures-filter-vendor"
        />
        <TextInput
          label={t("failure.field.sku")}
          value={filters.sku}
          onChange={(e) => set("sku")(e.currentTarget.value)}
          data-testid="failures-filter-sku"
          w={140}
        />
        <ChoiceFilter
          label={t("failure.field.category")}
          {...bind("category")}
          options={(categories.data ?? []).map((c) => ({
            value: c.code,
            label: categoryName(c, i18n.language),
          }))}
          testId="failures-filter-category"
        />
        <ChoiceFilter
          label={t("failure.field.status")}
          {...bind("status")}
          options={codeOptions(t, STATUSES, "failure.status")}
          testId="failures-filter-status"
        />
        <ChoiceFilter
          label={t("failure.field.disposition")}
          {...bind("disposition")}
          options={codeOptions(t, DISPOSITIONS, "failure.disposition")}
          testId="failures-filter-disposition"
        />
      </FilterBar>
      <PagedRecords
        label={t("failures.title")}
        list={list}
        columns={columns}
        sorting={sorting}
        onSortingChange={(s) => setSorting(s.length ? s : [{ id: "occurred_at", desc: true }])}
        empty={<Text c="dimmed">{t("failures.empty")}</Text>}
        onOpen={(row) =>
          void navigate({ to: "/failures/$failureNo", params: { failureNo: row.failure_no } })
        }
        rowTestId="failure-row"
        rowData={(row) => ({ "data-failure-no": row.failure_no })}
      />
    </Stack>
  );
}
