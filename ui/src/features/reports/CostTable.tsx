import { Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { CostOfQuality } from "../../backend/bindings/CostOfQuality";
import type { ReviewPeriod } from "../../backend/bindings/ReviewPeriod";
import { Note } from "../../components/Note";
import { formatMoney } from "../../money";
import { ComparedTable } from "./ComparedTable";
import { COST_COMPONENTS, type CostComponent, costValue } from "./cost";
import { FigureLink } from "./FigureLink";
import { COST_LINK_IDS, costLink } from "./links";
import { formatMoneyChange, NO_DATA } from "./units";

/**
 * Cost of quality per currency (never added across currencies), against the previous period.
 * The period's figures open the records behind them.
 */
export function CostTable({
  cost,
  period,
  reworkFailures,
}: {
  cost: CostOfQuality;
  /** The period the current figures cover. */
  period: ReviewPeriod;
  /** Failures sent to rework in the period. */
  reworkFailures: number;
}) {
  const { t, i18n } = useTranslation();
  if (cost.currencies.length === 0) {
    return <Note>{t("reports.cost.empty")}</Note>;
  }
  const money = (minor: number | null, currency: string) =>
    minor === null ? NO_DATA : formatMoney(minor, currency, i18n.language);
  const current = (component: CostComponent, minor: number | null, currency: string) => {
    const link = costLink(component, period);
    // Rework completed without a cost recorded still leaves failures worth opening behind a 0.
    const behind = component === "rework_minor" ? reworkFailures > 0 : minor !== 0;
    if (minor === null || link === null || component === "net_minor" || !behind) {
      return money(minor, currency);
    }
    return (
      <FigureLink link={link} testId={COST_LINK_IDS[component]} currency={currency}>
        {money(minor, currency)}
      </FigureLink>
    );
  };
  return (
    <ComparedTable heading="reports.cost.component" testId="cost-table">
      {cost.currencies.map((c) => (
        <Table.Tbody key={c.currency} data-testid="cost-currency" data-currency={c.currency}>
          <Table.Tr bg="var(--mantine-color-gray-0)">
            <Table.Td colSpan={3} fw={600}>
              {c.currency}
            </Table.Td>
          </Table.Tr>
          {COST_COMPONENTS.map((component) => {
            const net = component === "net_minor";
            return (
              <Table.Tr key={component} fw={net ? 700 : undefined}>
                <Table.Td pl={net ? undefined : "lg"}>{t(`reports.cost.${component}`)}</Table.Td>
                <Table.Td ta="right">
                  {current(component, costValue(c.current, component), c.currency)}
                </Table.Td>
                <Table.Td ta="right">
                  {money(costValue(c.previous, component), c.currency)}
                  {net && c.net_change && (
                    <Text span size="xs" c="dimmed">
                      {" "}
                      ({formatMoneyChange(c.net_change, c.currency, i18n.language)})
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      ))}
    </ComparedTable>
  );
}
