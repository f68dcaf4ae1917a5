import { Stack, Switch, Text } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useNavigate } from "@tanstack/react-router";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { LotRow } from "../../backend/bindings/LotRow";
import { call } from "../../backend/call";
import { NameWithCode } from "../../components/Aside";
import { ChoiceFilter, FilterBar, ListError, SearchFilter } from "../../components/page/FilterBar";
import { usePagedRows } from "../../components/pagedRows";
import { type Column, VirtualTable } from "../../components/VirtualTable";
import { HoldBadge, LotStatusBadge } from "./badges";
import { EXPIRY_WINDOW_DAYS, formatQty } from "./dates";
import { ExpiryDate } from "./ExpiryDate";
import { LOT_STATUSES, type LotFilters, NO_FILTERS, toListInput } from "./filters";

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

  const columns: Column<LotRow>[] = [
    {
      id: "lot_code",
      header: t("lots.field.lot_code"),
      cell: ({ row }) => (
        <Text fw={600} size="sm" truncate>
          {row.original.lot_code}
        </Text>
      ),
      meta: { width: "minmax(120px, 1fr)" },
    },
    {
      id: "product",
      header: t("lots.field.product"),
      cell: ({ row }) => (
        <span title={row.original.product_name ?? row.original.sku}>
          <NameWithCode name={row.original.product_name} code={row.original.sku} />
        </span>
      ),
      meta: { width: "minmax(140px, 2fr)", clip: true },
    },
    {
      id: "vendor",
      header: t("lots.field.vendor"),
      cell: ({ row }) => (
        <span title={row.original.vendor_code}>
          {row.original.vendor_name ?? row.original.vendor_code}
        </span>
      ),
      meta: { width: "minmax(90px, 1fr)", clip: true },
    },
    {
      id: "supplier_lot",
      header: t("lots.field.supplier_lot"),
      cell: ({ row }) => row.original.supplier_lot ?? "",
      meta: { width: "110px" },
    },
    {
      id: "on_hand",
      header: t("lots.field.on_hand"),
      cell: ({ row }) => formatQty(row.original.on_hand, row.original.unit, i18n.language),
      meta: { width: "100px", align: "right" },
    },
    {
      id: "location",
      header: t("lots.field.location"),
      cell: ({ row }) => row.original.location ?? "",
      meta: { width: "90px" },
    },
    {
      id: "expiry",
      header: t("lots.field.expiry_date"),
      cell: ({ row }) => <ExpiryDate value={row.original.expiry_date} />,
      meta: { width: "110px" },
    },
    {
      id: "status",
      header: t("lots.field.status"),
      cell: ({ row }) => <LotStatusBadge status={row.original.status} />,
      meta: { width: "120px" },
    },
    {
      id: "holds",
      header: t("lots.field.holds"),
      cell: ({ row }) => <HoldBadge count={row.original.active_holds} />,
      meta: { width: "90px" },
    },
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
        <SearchFilter
          label={t("lots.filter.search")}
          placeholder={t("lots.filter.text")}
          value={filters.text}
          onChange={(text) => set({ text })}
          w={280}
          testId="lots-filter-text"
        />
        <ChoiceFilter
          label={t("lots.field.status")}
          value={filters.status}
          onChange={(status) => set({ status })}
          options={LOT_STATUSES.map((s) => ({ value: s, label: t(`lots.status.${s}`) }))}
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
      <ListError error={list.error} />
      <VirtualTable
        label={t("lots.title")}
        paged={list}
        columns={columns}
        height="calc(100vh - 330px)"
        empty={
          <Text c="dimmed" data-testid="lots-empty">
            {unfiltered ? t("lots.list.empty") : t("lots.list.none_match")}
          </Text>
        }
        onRowClick={(row) =>
          void navigate({ to: "/lots/$lotCode", params: { lotCode: row.lot_code } })
        }
        rowProps={(row) => ({
          "data-testid": "lot-row",
          "data-lot": row.lot_code,
          "data-status": row.status,
        })}
      />
    </Stack>
  );
}
