import { Button, Stack, Text } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { useSession } from "../../app/session";
import { call } from "../../backend/call";
import { FilterChip } from "../../components/FilterChip";
import { fieldColumn, moneyColumn } from "../../components/fieldColumn";
import { useFilterState } from "../../components/forms/filterState";
import { ChoiceFilter, FilterBar, ListError, SearchFilter } from "../../components/page/FilterBar";
import { PageHeader } from "../../components/page/PageHeader";
import { usePagedRows } from "../../components/pagedRows";
import { type Column, VirtualTable } from "../../components/VirtualTable";
import { formatDaySpan } from "../../format";
import { addDays } from "../reports/period";
import { ReshipmentStatusBadge, SlaBadge } from "./badges";
import {
  DATE_RANGES,
  type DateRangeKind,
  NO_FILTERS,
  type ReshipmentDates,
  type ReshipmentFilters,
  toListInput,
} from "./filters";
import { QUEUES, type ReshipmentRow, SLAS, STATUSES } from "./types";

const NO_DATES: ReshipmentDates = {};

/** The list's choice filters: each one's values, and the words for them under `words`. */
const CHOICE_FILTERS = [
  { key: "status", values: STATUSES, words: "reshipment.status" },
  { key: "queue", values: QUEUES, words: "team" },
  { key: "sla", values: SLAS, words: "reshipment.sla" },
] as const;

export function ReshipmentsPage({
  initial = NO_FILTERS,
  dates = NO_DATES,
  onClearDates,
}: {
  /** The filters the URL asked for. */
  initial?: ReshipmentFilters;
  /** Day ranges from the URL (a review's figure); they stay in the URL, not in the filter bar. */
  dates?: ReshipmentDates;
  /** Drops date ranges from the URL. */
  onClearDates?: (kinds: DateRangeKind[]) => void;
} = {}) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { session } = useSession();
  const mine = session.queue;
  const { filters, setFilters, bind } = useFilterState(initial);
  const [debounced] = useDebouncedValue(filters, 250);
  const list = usePagedRows({
    queryKey: ["reshipments", debounced, dates],
    fetchPage: (offset, limit) =>
      call("list_reshipments", toListInput(debounced, offset, limit, dates)),
  });
  const total = list.total;
  const ranges = DATE_RANGES.filter(({ from, to }) => dates[from] || dates[to]);

  // Sized to fit a 1440-pixel window without scrolling sideways; who requested it is on the detail.
  const columns: Column<ReshipmentRow>[] = [
    fieldColumn("reshipment_no", t("reshipment.field.reshipment_no"), "reshipment_no", {
      width: "145px",
    }),
    fieldColumn("order_no", t("reshipment.field.order_no"), "order_no", { width: "120px" }),
    {
      id: "customer",
      header: t("reshipment.field.customer"),
      // The column is narrow: the whole name shows on hover.
      cell: ({ row }) => (
        <span title={row.original.customer_name ?? undefined}>
          {row.original.customer_name ?? "—"}
        </span>
      ),
      enableSorting: false,
      meta: { width: "minmax(90px, 1fr)", clip: true },
    },
    {
      id: "failures",
      header: t("reshipment.field.failures"),
      cell: ({ row }) => row.original.failure_nos.join(", "),
      enableSorting: false,
      meta: { width: "140px" },
    },
    {
      id: "status",
      header: t("reshipment.field.status"),
      cell: ({ row }) => <ReshipmentStatusBadge status={row.original.status} />,
      enableSorting: false,
      meta: { width: "165px" },
    },
    {
      id: "sla",
      header: t("reshipment.field.due_on"),
      cell: ({ row }) => <SlaBadge sla={row.original.sla} dueOn={row.original.due_on} />,
      enableSorting: false,
      meta: { width: "214px" },
    },
    moneyColumn("total", t("reshipment.field.total"), (r) => r.total_minor, i18n.language, "90px"),
    {
      id: "queue",
      header: t("reshipment.field.queue"),
      cell: ({ row }) => (row.original.queue ? t(`team.${row.original.queue}`) : "—"),
      enableSorting: false,
      meta: { width: "130px" },
    },
  ];

  return (
    <Stack gap="md">
      <PageHeader
        title={t("reshipments.title")}
        subtitle={t("reshipments.count", { count: total })}
        subtitleTestId="reshipments-total"
      />
      <FilterBar
        onClear={() => {
          setFilters(NO_FILTERS);
          if (ranges.length > 0) onClearDates?.(ranges.map((r) => r.kind));
        }}
        chips={
          ranges.length > 0 &&
          ranges.map(({ kind, from, to }) => {
            const until = dates[to];
            // The URL's end is the first day left out; people read the last day included.
            const label = t(`reshipments.filter.${kind}`, {
              days: formatDaySpan(
                dates[from] ?? null,
                until ? addDays(until, -1) : null,
                i18n.language,
              ),
            });
            return (
              <FilterChip
                key={kind}
                label={label}
                removeLabel={t("reshipments.filter.remove", { filter: label })}
                onRemove={() => onClearDates?.([kind])}
                testId={`reshipments-filter-${kind}`}
              />
            );
          })
        }
      >
        <SearchFilter
          label={t("reshipments.filter.search")}
          placeholder={t("reshipments.filter.text")}
          {...bind("text")}
          w={240}
          testId="reshipments-filter-text"
        />
        {CHOICE_FILTERS.map(({ key, values, words }) => (
          <ChoiceFilter
            key={key}
            label={t(`reshipment.field.${key}`)}
            {...bind(key)}
            options={values.map((v) => ({ value: v, label: t(`${words}.${v}`) }))}
            testId={`reshipments-filter-${key}`}
          />
        ))}
        {mine && (
          <Button
            variant={filters.queue === mine ? "filled" : "light"}
            onClick={() => setFilters({ ...NO_FILTERS, queue: mine })}
            data-testid="reshipments-my-queue"
          >
            {t("reshipments.my_queue")}
          </Button>
        )}
      </FilterBar>
      <ListError error={list.error} />
      <VirtualTable
        label={t("reshipments.title")}
        paged={list}
        columns={columns}
        empty={<Text c="dimmed">{t("reshipments.empty")}</Text>}
        onRowClick={(row) =>
          void navigate({
            to: "/reshipments/$reshipmentNo",
            params: { reshipmentNo: row.reshipment_no },
          })
        }
        rowProps={(row) => ({
          "data-testid": "reshipments-row",
          "data-no": row.reshipment_no,
          "data-status": row.status,
        })}
      />
    </Stack>
  );
}
