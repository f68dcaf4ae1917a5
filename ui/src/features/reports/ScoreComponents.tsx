import { Table } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ScoreComponent } from "../../backend/bindings/ScoreComponent";
import { HeadedTable } from "../../components/HeadedTable";
import { fieldHeadings } from "../../components/TableHead";
import { numberFormat } from "../../intl";
import { formatBps, NO_DATA } from "./units";

/** A component's measured figure: a rate, or for severity weighted defects per 100 units. */
function measured(component: ScoreComponent, language: string): string {
  if (component.measured === null) return NO_DATA;
  if (component.id === "severity") {
    return numberFormat(language, { maximumFractionDigits: 2 }).format(component.measured / 100);
  }
  return formatBps(component.measured, language);
}

/** The sub-scores behind a vendor's rating, with their weights. */
export function ScoreComponents({ components }: { components: ScoreComponent[] }) {
  const { t, i18n } = useTranslation();
  return (
    <HeadedTable
      tableProps={{ fz: "xs", withTableBorder: true }}
      data-testid="score-components"
      columns={fieldHeadings(t, "reports.vendors", [
        "component",
        { right: "measured" },
        { right: "score" },
        { right: "weight" },
        { right: "effective_weight" },
      ])}
      items={components}
      row={(c) => (
        <Table.Tr key={c.id} data-component={c.id}>
          <Table.Td>{t(`reports.component.${c.id}`)}</Table.Td>
          <Table.Td ta="right">{measured(c, i18n.language)}</Table.Td>
          <Table.Td ta="right">{c.score ?? NO_DATA}</Table.Td>
          <Table.Td ta="right">{c.weight}</Table.Td>
          <Table.Td ta="right">{formatBps(c.effective_weight_bps, i18n.language)}</Table.Td>
        </Table.Tr>
      )}
    />
  );
}
