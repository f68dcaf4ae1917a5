import { Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { CostOfQuality } from "../../backend/bindings/CostOfQuality";
import { formatMoney } from "../../format";
import { COST_COMPONENTS, costValue } from "./cost";
import { formatMoneyChange, NO_DATA } from "./units";

/** Cost of quality per currency (never added across currencies), against the previous period. */
export function CostTable({ cost }: { cost: CostOfQuality }) {
  const { t, i18n } = useTranslation();
  if (cost.currencies.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        {t("reports.cost.empty")}
      </Text>
    );
  }
  const money = (minor: number | null, currency: string) =>
    minor === null ? NO_DATA : formatMoney(minor, currency, i18n.language);
  return (
    <Table withTableBorder fz="sm" data-testid="cost-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t("reports.cost.component")}</Table.Th>
          <Table.Th ta="right">{t("reports.col.current")}</Table.Th>
          <Table.Th ta="right">{t("reports.col.previous")}</Table.Th>
        </Table.Tr>
      </Table.Thead>
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
                <Table.Td ta="right">{money(costValue(c.current, component), c.currency)}</Table.Td>
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
    </Table>
  );
}
