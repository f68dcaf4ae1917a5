import { useQueries } from "@tanstack/react-query";
import { useCallback, useMemo, useRef, useState } from "react";

export type Page<T> = { rows: T[]; total: number };

/** What a list page hands to `VirtualTable`: the whole result's size and the rows fetched so far. */
export type PagedRows<T> = {
  total: number;
  rowAt: (index: number) => T | undefined;
  /** The table says which rows are in view; the pages around them are fetched, the rest let go. */
  onRange: (first: number, last: number) => void;
  isPending: boolean;
  error: unknown;
};

/**
 * Only the pages near the rows in view are held: a page that leaves the window is no longer
 * observed and the query cache drops it this long after. With 100,000 rows, scrolling far used
 * to keep every page fetched so far, and the webview never gave the memory back.
 */
const DROP_AFTER_MS = 5_000;

type Shown<T> = { key: string; total: number; pages: Map<number, Page<T>> };

/** The pages `[first, last]` of rows need, with half a page either side fetched ahead. */
export function pagesFor(first: number, last: number, pageSize: number, total?: number) {
  const ahead = Math.floor(pageSize / 2);
  const from = Math.floor(Math.max(0, first - ahead) / pageSize);
  let to = Math.max(from, Math.floor((last + ahead) / pageSize));
  if (total !== undefined) to = Math.max(from, Math.min(to, Math.floor((total - 1) / pageSize)));
  return { from, to };
}

export function usePagedRows<T>({
  queryKey,
  fetchPage,
  pageSize = 200,
}: {
  queryKey: readonly unknown[];
  fetchPage: (offset: number, limit: number) => Promise<Page<T>>;
  pageSize?: number;
}): PagedRows<T> {
  const keyText = JSON.stringify(queryKey);
  const [range, setRange] = useState({ key: keyText, first: 0, last: 0 });
  // Until the first page of a new filter arrives, the previous rows stay (not a flash of "0").
  const shown = useRef<Shown<T>>({ key: "", total: 0, pages: new Map() });
  // A new filter or sort starts at the top: the old range means nothing in the new result.
  const current = range.key === keyText ? range : { key: keyText, first: 0, last: 0 };
  const knownTotal = shown.current.key === keyText ? shown.current.total : undefined;
  const { from, to } = pagesFor(current.first, current.last, pageSize, knownTotal);
  const pageNumbers = useMemo(
    () => Array.from({ length: to - from + 1 }, (_, i) => from + i),
    [from, to],
  );
  const results = useQueries({
    queries: pageNumbers.map((page) => ({
      queryKey: [...queryKey, { page, pageSize }],
      queryFn: () => fetchPage(page * pageSize, pageSize),
      gcTime: DROP_AFTER_MS,
    })),
  });
  const loaded = new Map<number, Page<T>>();
  results.forEach((r, i) => {
    const page = pageNumbers[i];
    if (r.data && page !== undefined) loaded.set(page, r.data);
  });
  const total = loaded.values().next().value?.total;
  if (total !== undefined) shown.current = { key: keyText, total, pages: loaded };
  const pages = shown.current.pages;

  const rowAt = useCallback(
    (index: number) => pages.get(Math.floor(index / pageSize))?.rows[index % pageSize],
    [pages, pageSize],
  );
  const onRange = useCallback(
    (first: number, last: number) => {
      setRange((old) => {
        // A scroll within the same pages changes nothing: no new render, no new queries.
        const was = pagesFor(old.first, old.last, pageSize);
        const now = pagesFor(first, last, pageSize);
        if (old.key === keyText && was.from === now.from && was.to === now.to) return old;
        return { key: keyText, first, last };
      });
    },
    [keyText, pageSize],
  );

  return {
    total: shown.current.total,
    rowAt,
    onRange,
    isPending: total === undefined && shown.current.key === "" && results.some((r) => r.isPending),
    error: results.find((r) => r.error)?.error ?? null,
  };
}
