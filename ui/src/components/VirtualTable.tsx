import { Box, Center, Group, Loader, Text, UnstyledButton } from "@mantine/core";
import { IconArrowDown, IconArrowUp, IconSelector } from "@tabler/icons-react";
import {
  type ColumnDef,
  flexRender,
  getCoreRowModel,
  type SortingState,
  useReactTable,
} from "@tanstack/react-table";
import { useVirtualizer } from "@tanstack/react-virtual";
import { type KeyboardEvent, useEffect, useLayoutEffect, useRef, useState } from "react";
import type { PagedRows } from "./pagedRows";

export type Column<T> = ColumnDef<T> & {
  meta?: {
    width?: string;
    align?: "right";
    /**
     * Free text (a name, an address) that may be shortened with an ellipsis, its whole text in a
     * tooltip. Every other column (numbers, codes, dates, badges) is never cut: it grows to fit.
     */
    clip?: boolean;
  };
};

type Props<T> = {
  /** The rows, all fetched; or `paged`, where only the pages near the view are held. */
  rows?: T[];
  total?: number;
  paged?: PagedRows<T>;
  columns: Column<T>[];
  sorting?: SortingState;
  onSortingChange?: (sorting: SortingState) => void;
  onEndReached?: () => void;
  loading?: boolean;
  empty: React.ReactNode;
  onRowClick?: (row: T) => void;
  rowProps?: (row: T) => Record<string, string>;
  height?: string;
  /** What the list is, for screen readers (the page's title). */
  label?: string;
};

const ROW_HEIGHT = 40;
/** Column titles wrap between words rather than being cut. */
const WRAP = { overflowWrap: "break-word", whiteSpace: "normal" } as const;
/** A cell's padding (Mantine's xs, each side) and a pixel for rounding. */
const CELL_PADDING = 2 * 10 + 2;

/**
 * A column's grid track, grown to `room` pixels when its widest cell needs them. minmax(a, b)
 * with b below a is a: a fixed width grows and a flexible one keeps flexing. A flexible width is
 * itself a minmax, whose minimum grows instead: a minmax inside a minmax is not CSS, and the
 * browser kept the old template, so no column grew and long cells ran into the next one.
 */
export function track(width: string, room: number | undefined): string {
  if (!room) return width;
  const flexible = /^minmax\(\s*([\d.]+)px\s*,\s*(.+)\)$/.exec(width);
  if (flexible) return `minmax(${Math.max(room, Number(flexible[1]))}px, ${flexible[2]})`;
  return `minmax(${room}px, ${width})`;
}

/** A table that renders only the rows in view, so 100,000 rows scroll like 100. */
export function VirtualTable<T>(props: Props<T>) {
  const { columns, sorting = [], onSortingChange, paged } = props;
  const rows = props.rows ?? [];
  // The scrollbar spans the whole result; rows not fetched yet show as placeholders.
  const count = paged ? paged.total : rows.length;
  const total = paged ? paged.total : (props.total ?? rows.length);
  const rowAt = paged ? paged.rowAt : (index: number) => rows[index];
  const loading = paged ? paged.isPending : props.loading;
  const scroller = useRef<HTMLDivElement>(null);
  const header = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const ring = items.length;
  const first = items[0];
  const last = items[items.length - 1];
  const { onEndReached } = props;
  useEffect(() => {
    if (last && last.index >= rows.length - 20 && rows.length < total) onEndReached?.();
  }, [last, rows.length, total, onEndReached]);
  const onRange = paged?.onRange;
  useEffect(() => {
    if (first && last) onRange?.(first.index, last.index);
  }, [first, last, onRange]);
  // The table model holds only the rows in view: a page appended to 20,000 rows costs nothing.
  const inView = items.flatMap((item) => {
    const row = rowAt(item.index);
    return row === undefined ? [] : [{ item, row }];
  });
  const table = useReactTable({
    data: inView.map((v) => v.row),
    columns,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    // The rows handed over change with every scroll; a reset of the table's own paging state
    // on each change would render again, and again.
    manualPagination: true,
    autoResetAll: false,
    state: { sorting },
    onSortingChange: (updater) => {
      const next = typeof updater === "function" ? updater(sorting) : updater;
      onSortingChange?.(next);
    },
  });
  const modelRows = table.getRowModel().rows;
  const byIndex = new Map(inView.map((v, k) => [v.item.index, modelRows[k]]));

  // One row is the table's Tab stop (the last one focused, or the first in view); arrows move it.
  const [active, setActive] = useState(0);
  const focusNext = useRef<number | null>(null);
  const rowEls = useRef(new Map<number, HTMLElement>());
  useEffect(() => {
    // A row scrolled into view by the keyboard mounts a render later; focus it once it is there.
    const wanted = focusNext.current;
    if (wanted === null) return;
    const el = rowEls.current.get(wanted);
    if (el) {
      focusNext.current = null;
      el.focus({ preventScroll: true });
    }
  });
  const stop = items.some((i) => i.index === active) ? active : (items[0]?.index ?? 0);
  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(count - 1, index));
    focusNext.current = next;
    setActive(next);
    virtualizer.scrollToIndex(next);
  };
  const page = Math.max(1, items.length - 2);
  const onRowKey = (e: KeyboardEvent<HTMLElement>, index: number, row: T) => {
    // Keys typed into a row's own controls (a tick box) are theirs.
    if (e.target !== e.currentTarget) return;
    const to: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + page,
      PageUp: index - page,
      Home: 0,
      End: count - 1,
    };
    if (e.key === "Enter" && props.onRowClick) {
      e.preventDefault();
      props.onRowClick(row);
    } else if (e.key in to) {
      e.preventDefault();
      moveTo(to[e.key] ?? index);
    }
  };

  // Columns that are never cut grow to their widest cell seen so far (in the rows rendered,
  // measured in the webview's own font): a lot code, date or Dutch badge makes room for itself.
  const [fit, setFit] = useState<Record<string, number>>({});
  useLayoutEffect(() => {
    const roots = [scroller.current, header.current].filter((r) => r !== null);
    const widest: Record<string, number> = {};
    // A column title of one long word ("AFGEKEURD") cannot wrap: it makes room for itself too.
    const cells = roots.flatMap((r) => [...r.querySelectorAll<HTMLElement>("[data-fit-col]")]);
    for (const el of cells) {
      const id = el.dataset.fitCol ?? "";
      widest[id] = Math.max(widest[id] ?? 0, Math.ceil(el.getBoundingClientRect().width));
    }
    const grown = Object.entries(widest).filter(
      ([id, w]) => w > 0 && w + CELL_PADDING > (fit[id] ?? 0),
    );
    if (grown.length > 0) {
      setFit((old) => {
        const next = { ...old };
        for (const [id, w] of grown) next[id] = Math.max(next[id] ?? 0, w + CELL_PADDING);
        return next;
      });
    }
  });
  const template = columns
    .map((c) => track(c.meta?.width ?? "1fr", c.id ? fit[c.id] : undefined))
    .join(" ");
  const headers = table.getHeaderGroups()[0]?.headers ?? [];
  const leafColumns = table.getVisibleLeafColumns();

  return (
    <Box
      role="grid"
      aria-rowcount={total + 1}
      aria-label={props.label}
      style={{
        border: "1px solid var(--mantine-color-gray-3)",
        borderRadius: 8,
        background: "white",
      }}
    >
      {/* The header scrolls sideways with the rows (wide Dutch or Chinese columns may overflow). */}
      <Box
        ref={header}
        style={{
          overflow: "hidden",
          borderBottom: "1px solid var(--mantine-color-gray-3)",
          background: "var(--mantine-color-gray-0)",
        }}
      >
        <Box
          role="row"
          aria-rowindex={1}
          style={{
            display: "grid",
            gridTemplateColumns: template,
            minWidth: "min-content",
          }}
        >
          {headers.map((header) => {
            const sortable = header.column.getCanSort() && onSortingChange !== undefined;
            const dir = header.column.getIsSorted();
            const align = (header.column.columnDef as Column<T>).meta?.align;
            const label = flexRender(header.column.columnDef.header, header.getContext());
            return (
              <Box
                key={header.id}
                role="columnheader"
                px="xs"
                py={8}
                title={
                  typeof header.column.columnDef.header === "string"
                    ? header.column.columnDef.header
                    : undefined
                }
                style={{
                  textAlign: align ?? "left",
                  display: "flex",
                  alignItems: "flex-end",
                  justifyContent: align === "right" ? "flex-end" : "flex-start",
                  minWidth: 0,
                  overflow: "hidden",
                }}
              >
                {sortable ? (
                  <UnstyledButton onClick={header.column.getToggleSortingHandler()}>
                    <Group
                      gap={4}
                      wrap="nowrap"
                      justify={align === "right" ? "flex-end" : "flex-start"}
                    >
                      <Text size="xs" fw={700} c="dimmed" tt="uppercase" style={WRAP}>
                        <span data-fit-col={header.column.id}>{label}</span>
                      </Text>
                      {dir === "asc" ? (
                        <IconArrowUp size={12} />
                      ) : dir === "desc" ? (
                        <IconArrowDown size={12} />
                      ) : (
                        <IconSelector size={12} opacity={0.4} />
                      )}
                    </Group>
                  </UnstyledButton>
                ) : (
                  <Text size="xs" fw={700} c="dimmed" tt="uppercase" style={WRAP}>
                    <span data-fit-col={header.column.id}>{label}</span>
                  </Text>
                )}
              </Box>
            );
          })}
        </Box>
      </Box>
      <div
        ref={scroller}
        onScroll={(e) => {
          if (header.current) header.current.scrollLeft = e.currentTarget.scrollLeft;
        }}
        style={{ height: props.height ?? "calc(100vh - 290px)", overflow: "auto" }}
      >
        {count === 0 && !loading && <Center h={200}>{props.empty}</Center>}
        {count === 0 && loading && (
          <Center h={200}>
            <Loader size="sm" />
          </Center>
        )}
        <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
          {items.map((item) => {
            // `row` is undefined while its page is on its way: the same element stands in for
            // it, the height it will have, so the scrollbar does not jump.
            const row = byIndex.get(item.index);
            // A row's key is its place in a ring as long as the window, not its index: the rows
            // scrolled out are the ones reused for the rows scrolled in, their text changed in
            // place. Keyed by index, every scrolled row was a new element, and the webview kept
            // what the old ones took (measured: 400 MiB after 20,000 rows, still held after
            // leaving the list; the same churn of plain DOM elements, without React, did it too:
            // tests/e2e/measure/dom-churn.mjs).
            const slot = ring > 0 ? item.index % ring : item.index;
            const cells = row?.getVisibleCells();
            return (
              <Box
                key={slot}
                {...(row
                  ? (props.rowProps?.(row.original) ?? {})
                  : { "aria-busy": true, "data-placeholder": true })}
                ref={(el: HTMLDivElement | null) => {
                  if (el && row) rowEls.current.set(item.index, el);
                  else rowEls.current.delete(item.index);
                }}
                role="row"
                aria-rowindex={item.index + 2}
                tabIndex={row && item.index === stop ? 0 : -1}
                onFocus={() => setActive(item.index)}
                onKeyDown={(e) => row && onRowKey(e, item.index, row.original)}
                onClick={() => row && props.onRowClick?.(row.original)}
                style={{
                  position: "absolute",
                  top: 0,
                  left: 0,
                  right: 0,
                  height: ROW_HEIGHT,
                  transform: `translateY(${item.start}px)`,
                  display: "grid",
                  gridTemplateColumns: template,
                  minWidth: "min-content",
                  alignItems: "center",
                  borderBottom: "1px solid var(--mantine-color-gray-2)",
                  cursor: row && props.onRowClick ? "pointer" : undefined,
                }}
                className={row ? "lotline-row" : undefined}
              >
                {leafColumns.map((column, c) => {
                  const meta = (column.columnDef as Column<T>).meta;
                  const cell = cells?.[c];
                  const content = cell
                    ? flexRender(column.columnDef.cell, cell.getContext())
                    : c === 0 && (
                        <Text span c="dimmed" size="sm">
                          …
                        </Text>
                      );
                  return (
                    <Box
                      key={column.id}
                      role="gridcell"
                      px="xs"
                      style={{
                        textAlign: meta?.align ?? "left",
                        overflow: meta?.clip ? "hidden" : "visible",
                        whiteSpace: "nowrap",
                        textOverflow: meta?.clip ? "ellipsis" : undefined,
                        fontSize: 14,
                        fontVariantNumeric: "tabular-nums",
                      }}
                    >
                      {meta?.clip ? (
                        content
                      ) : (
                        <span
                          data-fit-col={cell ? column.id : undefined}
                          data-fit
                          style={{ display: "inline-block", verticalAlign: "middle" }}
                        >
                          {content}
                        </span>
                      )}
                    </Box>
                  );
                })}
              </Box>
            );
          })}
        </div>
      </div>
    </Box>
  );
}
