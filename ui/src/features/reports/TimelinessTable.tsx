import { Table } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { ReviewPeriod } from "../../backend/bindings/ReviewPeriod";
import type { Timeliness } from "../../backend/bindings/Timeliness";
import { ComparedTable } from "./ComparedTable";
import { FigureLink } from "./FigureLink";
import { type TimelinessVerdict, timelinessLink } from "./links";
import { formatBps, formatMinutesAsHours } from "./units";

/**
 * Reshipments on time or late against their due date, and the median time to ship. The period's
 * on-time and late counts open those reshipments.
 */
export function TimelinessTable({
  current,
  previous,
  period,
}: {
  current: Timeliness;
  previous: Timeliness;
  /** The period `current` covers. */
  period: ReviewPeriod;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const count = (verdict: TimelinessVerdict, value: number, testId: string) =>
    value === 0 ? (
      value
    ) : (
      <FigureLink link={timelinessLink(verdict, period)} testId={testId}>
        {value}
      </FigureLink>
    );
  const rows: [string, string, ReactNode, string | number][] = [
    [
      "on_time",
      t("reports.timeliness.on_time"),
      count("on_time", current.on_time, "timeliness-link-on-time"),
      previous.on_time,
    ],
    [
      "late",
      t("reports.timeliness.late"),
      count("late", current.late, "timeliness-link-late"),
      previous.late,
    ],
    ["open", t("reports.timeliness.open"), current.open, previous.open],
    ["no_due_date", t("reports.timeliness.no_due_date"), current.no_due_date, previous.no_due_date],
    [
      "on_time_share",
      t("reports.timeliness.on_time_share"),
      formatBps(current.on_time_bps, lang),
      formatBps(previous.on_time_bps, lang),
    ],
    [
      "median",
      t("reports.timeliness.median"),
      formatMinutesAsHours(current.median_minutes_to_ship, lang),
      formatMinutesAsHours(previous.median_minutes_to_ship, lang),
    ],
  ];
  return (
    <ComparedTable heading="reports.timeliness.metric" testId="timeliness-table">
      <Table.Tbody>
        {rows.map(([key, label, now, before]) => (
          <Table.Tr key={key} data-metric={key}>
            <Table.Td>{label}</Table.Td>
            <Table.Td ta="right">{now}</Table.Td>
            <Table.Td ta="right">{before}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ComparedTable>
  );
}
