import { Checkbox, Group, SegmentedControl, Stack, Text } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconPrinter } from "@tabler/icons-react";
import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSession } from "../../app/session";
import { call } from "../../backend/call";
import { FilterChip } from "../../components/FilterChip";
import { fieldColumn, moneyColumn } from "../../components/fieldColumn";
import { ModalButton } from "../../components/ModalButton";
import { ChoiceFilter, FilterBar, ListError, SearchFilter } from "../../components/page/FilterBar";
import { NewButton } from "../../components/page/NewButton";
import { PageHeader } from "../../components/page/PageHeader";
import { type Column, VirtualTable } from "../../components/VirtualTable";
import { formatDaySpan } from "../../format";
import { CHANNEL_FILTERS } from "../channels/channels";
import { addDays } from "../reports/period";
import { mayOpen, mayPrintLabels } from "./actions";
import { RmaStatusBadge, SlaCell, VerdictBadge } from "./badges";
import { NO_FILTERS, type RmaFilters, type RmaView, settledOf, toListInput } from "./filters";
import { LabelsModal } from "./LabelsModal";
import { LABELLABLE, type RmaRow, STATUSES } from "./types";
import { age } from "./units";
import { verdictLabel } from "./verdict";

const PAGE = 200;
type Row = RmaRow;

export function ReturnsPage({
  initial,
  onFilters,
}: {
  /** The filters the URL asked for. */
  initial: RmaFilters;
  /** Called (debounced) as the filters change, to keep them in the URL. */
  onFilters: (filters: RmaFilters) => void;
}) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { session } = useSession();
  const permissions = session.permissions;
  const [filters, setFilters] = useState<RmaFilters>(initial);
  const [debounced] = useDebouncedValue(filters, 250);
  // The input stays local (typing never waits for the router); the URL follows when it settles.
  useEffect(() => onFilters(debounced), [debounced, onFilters]);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const list = useInfiniteQuery({
    // A changed filter keeps the rows on screen until the new ones arrive, instead of "0".
    placeholderData: keepPreviousData,
    queryKey: ["rmas", debounced],
    initialPageParam: 0,
    queryFn: ({ pageParam }) => call("list_rmas", toListInput(debounced, pageParam, PAGE)),
    getNextPageParam: (last, pages) => {
      const loaded = pages.reduce((n, p) => n + p.rows.length, 0);
      return loaded < last.total ? loaded : undefined;
    },
  });
  const rows: Row[] = useMemo(() => list.data?.pages.flatMap((p) => p.rows) ?? [], [list.data]);
  const total = list.data?.pages[0]?.total ?? 0;
  const labellable = rows.filter((r) => LABELLABLE.has(r.status)).map((r) => r.rma_no);
  // Only what is still on screen and still labellable is printed.
  const chosen = labellable.filter((no) => selected.has(no));
  const toggle = (no: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(no);
      else next.delete(no);
      return next;
    });
  const now = new Date();
  const canPrint = mayPrintLabels(permissions);
  const ageText = (openedAt: string) => {
    const a = age(openedAt, now);
    return a ? t(`returns.age.${a.unit}`, { count: a.count }) : "";
  };

  // Sized to fit a 1440-pixel window without scrolling sideways.
  const columns: Column<Row>[] = [
    ...(canPrint
      ? [
          {
            id: "select",
            header: () => (
              <Checkbox
                size="xs"
                aria-label={t("returns.list.select_all")}
                checked={chosen.length > 0 && chosen.length === labellable.length}
                indeterminate={chosen.length > 0 && chosen.length < labellable.length}
                disabled={labellable.length === 0}
                onChange={(e) =>
                  setSelected(e.currentTarget.checked ? new Set(labellable) : new Set())
                }
                data-testid="rmas-select-all"
              />
            ),
            cell: ({ row }) =>
              LABELLABLE.has(row.original.status) ? (
                // Ticking a row selects it for labels; it does not open the RMA.
                // biome-ignore lint/a11y/noStaticElementInteractions: only stops the row's click
                // biome-ignore lint/a11y/useKeyWithClickEvents: the checkbox inside takes the keys
                <span onClick={(e) => e.stopPropagation()}>
                  <Checkbox
                    size="xs"
                    aria-label={t("returns.list.select", { rma_no: row.original.rma_no })}
                    checked={selected.has(row.original.rma_no)}
                    onClick={(e) => e.stopPropagation()}
                    onChange={(e) => toggle(row.original.rma_no, e.currentTarget.checked)}
                    data-testid="rmas-select"
                  />
                </span>
              ) : null,
            enableSorting: false,
            meta: { width: "36px" },
          } satisfies Column<Row>,
        ]
      : []),
    fieldColumn("rma_no", t("returns.field.rma_no"), "rma_no", { width: "150px" }),
    {
      id: "customer",
      header: t("returns.field.customer"),
      cell: ({ row }) => (
        <span title={row.original.customer_name ?? row.original.customer_code}>
          {row.original.customer_name ?? row.original.customer_code}
        </span>
      ),
      enableSorting: false,
      meta: { width: "minmax(90px, 1fr)", clip: true },
    },
    {
      id: "orders",
      header: t("returns.field.orders"),
      cell: ({ row }) => (
        <span title={row.original.order_nos.join(", ")}>{row.original.order_nos.join(", ")}</span>
      ),
      enableSorting: false,
      meta: { width: "120px" },
    },
    {
      id: "status",
      header: t("returns.field.status"),
      cell: ({ row }) => <RmaStatusBadge status={row.original.status} />,
      enableSorting: false,
      meta: { width: "145px" },
    },
    {
      id: "verdict",
      header: t("returns.field.verdict"),
      cell: ({ row }) => <VerdictBadge verdict={verdictLabel(row.original)} short />,
      enableSorting: false,
      meta: { width: "110px" },
    },
    moneyColumn("value", t("returns.field.value"), (r) => r.value_minor, i18n.language, "90px"),
    {
      id: "age",
      header: t("returns.field.age"),
      cell: ({ row }) => ageText(row.original.opened_at),
      enableSorting: false,
      meta: { width: "76px", align: "right" },
    },
    {
      id: "sla",
      header: t("returns.field.next_step"),
      cell: ({ row }) => <SlaCell row={row.original} />,
      enableSorting: false,
      meta: { width: "225px" },
    },
  ];
  const set = (patch: Partial<RmaFilters>) => setFilters((f) => ({ ...f, ...patch }));
  const settled = settledOf(filters);
  const unfiltered =
    filters.text === "" &&
    filters.status === "" &&
    filters.view === "all" &&
    filters.channel === "" &&
    Object.keys(settled).length === 0;
  const settledLabel = () => {
    const kind = settled.settlement_kind
      ? t(`returns.filter.settlement_kind.${settled.settlement_kind}`)
      : null;
    if (!settled.settled_from && !settled.settled_to)
      return t("returns.filter.settled_as", { kind });
    // The URL's end is the first day left out; people read the last day included.
    const days = formatDaySpan(
      settled.settled_from ?? null,
      settled.settled_to ? addDays(settled.settled_to, -1) : null,
      i18n.language,
    );
    return kind
      ? t("returns.filter.settled_kind", { days, kind })
      : t("returns.filter.settled", { days });
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <PageHeader
          title={t("returns.title")}
          subtitle={t("returns.count", { count: total })}
          subtitleTestId="rmas-total"
        />
        <Group>
          {canPrint && (
            <ModalButton
              label={t("returns.list.print_labels", { count: chosen.length })}
              icon={<IconPrinter size={16} />}
              disabled={chosen.length === 0}
              testId="rmas-print-labels"
            >
              {(close) => (
                <LabelsModal
                  rmaNos={chosen}
                  onClose={close}
                  onDone={() => setSelected(new Set())}
                />
              )}
            </ModalButton>
          )}
          {mayOpen(permissions) && (
            <NewButton
              label={t("returns.list.new")}
              onClick={() => void navigate({ to: "/returns/new" })}
              testId="rmas-new"
            />
          )}
        </Group>
      </Group>
      <FilterBar
        onClear={() => setFilters(NO_FILTERS)}
        clearTestId="rmas-filter-clear"
        chips={
          Object.keys(settled).length > 0 && (
            <FilterChip
              label={settledLabel()}
              removeLabel={t("returns.filter.remove", { filter: settledLabel() })}
              onRemove={() =>
                set({ settled_from: undefined, settled_to: undefined, settlement_kind: undefined })
              }
              testId="rmas-filter-settled"
            />
          )
        }
      >
        <SearchFilter
          label={t("returns.filter.search")}
          placeholder={t("returns.filter.text")}
          value={filters.text}
          onChange={(text) => set({ text })}
          w={260}
          testId="rmas-filter-text"
        />
        <ChoiceFilter
          label={t("returns.field.status")}
          value={filters.status}
          onChange={(status) => set({ status })}
          options={STATUSES.map((s) => ({ value: s, label: t(`returns.status.${s}`) }))}
          testId="rmas-filter-status"
        />
        <ChoiceFilter
          label={t("channel.label")}
          value={filters.channel}
          onChange={(channel) => set({ channel })}
          options={CHANNEL_FILTERS.map((c) => ({ value: c, label: t(`channel.${c}`) }))}
          testId="rmas-filter-channel"
        />
        <SegmentedControl
          value={filters.view}
          onChange={(v) => set({ view: v as RmaView })}
          data={[
            { value: "all", label: t("returns.filter.all") },
            { value: "analyst", label: t("returns.filter.analyst_queue") },
          ]}
          data-testid="rmas-filter-view"
        />
      </FilterBar>
      <ListError error={list.error} />
      <VirtualTable
        label={t("returns.title")}
        rows={rows}
        total={total}
        columns={columns}
        onEndReached={() => {
          if (list.hasNextPage && !list.isFetchingNextPage) void list.fetchNextPage();
        }}
        loading={list.isPending}
        empty={
          <Text c="dimmed" data-testid="rmas-empty">
            {unfiltered ? t("returns.list.empty") : t("returns.list.none_match")}
          </Text>
        }
        onRowClick={(row) =>
          void navigate({ to: "/returns/$rmaNo", params: { rmaNo: row.rma_no } })
        }
        rowProps={(row) => ({
          "data-testid": "rmas-row",
          "data-no": row.rma_no,
          "data-status": row.status,
        })}
      />
    </Stack>
  );
}
