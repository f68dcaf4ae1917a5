import { Table } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { CountLink } from "./CountLink";
import { failuresSearch } from "./links";
import type { ParetoView } from "./pareto";
import { ReportTable } from "./ReportTable";
import { formatBps } from "./units";
import { useCategoryNames } from "./useCategoryNames";

/** The Pareto's figures under the chart, each count opening its failures. */
export function ParetoTable({ pareto, onOpen }: ParetoView) {
  const { t, i18n } = useTranslation();
  const nameOf = useCategoryNames();
  return (
    <ReportTable
      columns={[
        "reports.pareto.category",
        { right: "reports.col.failures" },
        { right: "reports.col.qty_failed" },
        { right: "reports.pareto.share" },
        { right: "reports.pareto.cumulative" },
        { right: "reports.col.previous" },
      ]}
      items={pareto.bars}
      row={(bar) => (
        <Table.Tr key={bar.is_other ? "~other" : bar.category} data-testid="pareto-row">
          <Table.Td>
            {bar.is_other
              ? t("reports.pareto.other", { n: bar.categories })
              : `${nameOf(bar.category)} (${bar.category})`}
          </Table.Td>
          <Table.Td ta="right">
            <CountLink
              onOpen={() => onOpen(bar)}
              disabled={bar.count === 0 || failuresSearch(bar.filter) === null}
            >
              {bar.count}
            </CountLink>
          </Table.Td>
          <Table.Td ta="right">{bar.quantity}</Table.Td>
          <Table.Td ta="right">{formatBps(bar.share_bps, i18n.language)}</Table.Td>
          <Table.Td ta="right">{formatBps(bar.cumulative_bps, i18n.language)}</Table.Td>
          <Table.Td ta="right">{bar.previous_count}</Table.Td>
        </Table.Tr>
      )}
    />
  );
}
