import { isDay, type Period } from "./period";

export type ReportsTab = "review" | "kpis" | "vendors" | "stock" | "weekly";
export const TABS: ReportsTab[] = ["review", "kpis", "vendors", "stock", "weekly"];

/** The reports page's state in the URL (`#/reports?tab=kpis&from=…&to=…`), so Back returns to it. */
export type ReportsSearch = { tab?: ReportsTab; from?: string; to?: string };

const isTab = (value: unknown): value is ReportsTab =>
  typeof value === "string" && (TABS as string[]).includes(value);

/** The URL's search params; anything unknown is left out (the page's defaults apply). */
export function parseReportsSearch(search: Record<string, unknown>): ReportsSearch {
  const day = (value: unknown) => (typeof value === "string" && isDay(value) ? value : undefined);
  return {
    tab: isTab(search.tab) && search.tab !== "review" ? search.tab : undefined,
    from: day(search.from),
    to: day(search.to),
  };
}

/** The period in the URL, or the default when the URL has none (or half of one). */
export function periodOf(search: ReportsSearch, fallback: Period): Period {
  return search.from && search.to ? { from: search.from, to: search.to } : fallback;
}
