import { dateTimeFormat } from "./intl";

/** Local date and time in the UI language, from an RFC 3339 UTC string. */
export function formatDateTime(value: string | null | undefined, language: string): string {
  if (!value) return "";
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return dateTimeFormat(language, { dateStyle: "medium", timeStyle: "short" }).format(date);
}

/** A compact date and time for table cells. */
export function formatDateTimeShort(value: string | null | undefined, language: string): string {
  if (!value) return "";
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return dateTimeFormat(language, { dateStyle: "short", timeStyle: "short" }).format(date);
}

/** Day, month and time without the year: a deadline in a narrow table column. */
export function formatDueShort(value: string | null | undefined, language: string): string {
  if (!value) return "";
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return dateTimeFormat(language, {
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
  }).format(date);
}

/** A calendar day (YYYY-MM-DD) in the UI language ("9 nov 2026"); UTC, as it has no time zone. */
export function formatDay(day: string | null | undefined, language: string): string {
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return day ?? "";
  const value = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(value.getTime())) return day;
  return dateTimeFormat(language, { dateStyle: "medium", timeZone: "UTC" }).format(value);
}

/** A date picked in a form (YYYY-MM-DD, local) as the UTC instant the day starts. */
export function dayStartUtc(day: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const date = new Date(`${day}T00:00:00`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** The day after a picked date, so that a "to" filter includes the whole day. */
export function dayEndUtc(day: string): string | null {
  const start = dayStartUtc(day);
  if (!start) return null;
  return new Date(new Date(start).getTime() + 24 * 3600 * 1000).toISOString();
}

/**
 * Calendar days `first..=last` (YYYY-MM-DD) as one span in the UI language ("2–8 Nov 2026");
 * an open end reads "…". Formatted in UTC because the days carry no time zone.
 */
export function formatDaySpan(first: string | null, last: string | null, language: string): string {
  const format = dateTimeFormat(language, {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  });
  const date = (day: string | null) => {
    if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
    const value = new Date(`${day}T00:00:00Z`);
    return Number.isNaN(value.getTime()) ? null : value;
  };
  const start = date(first);
  const end = date(last);
  if (start && end) return format.formatRange(start, end);
  return `${start ? format.format(start) : "…"} – ${end ? format.format(end) : "…"}`;
}
