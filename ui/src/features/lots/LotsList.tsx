import { Stack, Switch, Text } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useNavigate } from "@tanstack/react-router";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { LotRow } from "../../backend/bindings/LotRow";
import { call } from "../../backend/call";
import { NameWithCode } from "../../components/Aside";
import { cellColumn } from "../../components/cellColumn";
import { codeOptions } from "../../components/codeOptions";
import { ChoiceFilter, FilterBar } from "../../components/page/FilterBar";
import { ListSearch } from "../../components/page/ListSearch";
import { PagedRecords } from "../../components/page/PagedRecords";
import { usePagedRows } from "../../components/pagedRows";
import type { Column } from "../../components/VirtualTable";
import { HoldBadge } from "./badges";
import { EXPIRY_WINDOW_DAYS } from "./dates";
import { LOT_STATUSES, type LotFilters, NO_FILTERS, toListInput } from "./filters";
import { stockColumns } from "./stockColumns";

/** Every lot, filterable; the filters follow into the URL so a view can be linked. */
export function LotsList({
  initial,
  onFilters,
}: {
  initial: LotFilters;
  onFilters: (filters: LotFilters) => void;
}) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [filters, setFilters] = useState<LotFilters>(initial);
  const [debounced] = useDebouncedValue(filters, 250);
  // The input stays local (typing never waits for the router); the URL follows when it settles.
  useEffect(() => onFilters(debounced), [debounced, onFilters]);
  const list = usePagedRows({
    queryKey: ["lots", debounced],
    fetchPage: (offset, limit) =>
      call("list_lots", toListInput(debounced, offset, limit, new Date())),
  });
  const total = list.total;
  const set = (patch: Partial<LotFilters>) => setFilters((f) => ({ ...f, ...patch }));
  const unfiltered = filters.text === "" && filters.status === "" && !filters.expiring;

  const stock = stockColumns<LotRow>(t, i18n.language, { onHand: "100px", location: "90px" });
  const columns: Column<LotRow>[] = [
    cellColumn(
      "lot_code",
      t("lots.field.lot_code"),
      (lot) => (
        <Text fw={600} size="sm" truncate>
          {lot.lot_code}
        </Text>
      ),
      { width: "minmax(120px, 1fr)" },
    ),
    cellColumn(
      "product",
      t("lots.field.product"),
      (lot) => (
        <span title={lot.product_name ?? lot.sku}>
          <NameWithCode name={lot.product_name} code={lot.sku} />
        </span>
      ),
      { width: "minmax(140px, 2fr)", clip: true },
    ),
    cellColumn(
      "vendor",
      t("lots.field.vendor"),
      (lot) => <span title={lot.vendor_code}>{lot.vendor_name ?? lot.vendor_code}</span>,
      { width: "minmax(90px, 1fr)", clip: true },
    ),
    cellColumn("supplier_lot", t("lots.field.supplier_lot"), (lot) => lot.supplier_lot ?? "", {
      width: "110px",
    }),
    stock.onHand,
    stock.location,
    stock.expiry,
    stock.status,
    cellColumn("holds", t("lots.field.holds"), (lot) => <HoldBadge count={lot.active_holds} />, {
      width: "90px",
    }),
  ];

  return (
    <Stack gap="md">
      <FilterBar
        onClear={() => setFilters(NO_FILTERS)}
        clearTestId="lots-filter-clear"
        after={
          <Text c="dimmed" size="sm" ml="auto" mb={8} data-testid="lots-total">
            {t("lots.count", { count: total })}
          </Text>
        }
      >
        <ListSearch
          list="lots"
          value={filters.text}
          onChange={(text) => set({ text })}
          w={280}
          testId="lots-filter-text"
        />
        <ChoiceFilter
          label={t("lots.field.status")}
          value={filters.status}
          onChange={(status) => set({ status })}
          options={codeOptions(t, LOT_STATUSES, "lots.status")}
          testId="lots-filter-status"
        />
        <Switch
          mb={8}
          label={t("lots.filter.expiring", { days: EXPIRY_WINDOW_DAYS })}
          checked={filters.expiring}
          onChange={(e) => set({ expiring: e.currentTarget.checked })}
          data-testid="lots-filter-expiring"
        />
      </FilterBar>
      <PagedRecords
        label={t("lots.title")}
        list={list}
        columns={columns}
        height="calc(100vh - 330px)"
        empty={
          <Text c="dimmed" data-testid="lots-empty">
            {unfiltered ? t("lots.list.empty") : t("lots.list.none_match")}
          </Text>
        }
        onOpen={(row) => void navigate({ to: "/lots/$lotCode", params: { lotCode: row.lot_code } })}
        rowTestId="lot-row"
        rowData={(row) => ({ "data-lot": row.lot_code })}
      />
    </Stack>
  );
}
