import { Badge, Group, Table, Text } from "@mantine/core";
import { IconCircleCheck } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { call } from "../../backend/call";
import { HeldStockCells, ReorderCell, SafetySkuCell } from "../reports/SafetyStockCells";
import { CardTable } from "./CardTable";
import { DashboardCard } from "./DashboardCard";
import { ProductLink } from "./links";

/** SKUs whose sellable stock is under their minimum: reorder or release before they run out. */
export function SafetyStockCard() {
  const { t } = useTranslation();
  const alerts = useQuery({
    queryKey: ["safety_stock_alerts", { below_only: true }],
    queryFn: () => call("safety_stock_alerts", { below_only: true }),
  });
  return (
    <DashboardCard
      title={t("dashboard.stock.title")}
      note={t("dashboard.stock.note")}
      report={{ tab: "stock", testId: "dashboard-stock-report" }}
      query={alerts}
      testId="dashboard-safety-stock"
    >
      {(rows) =>
        rows.length === 0 ? (
          <Group gap="xs" data-testid="dashboard-stock-empty">
            <IconCircleCheck size={18} color="var(--mantine-color-teal-6)" />
            <Text c="teal.7" size="sm">
              {t("dashboard.stock.empty")}
            </Text>
          </Group>
        ) : (
          <CardTable
            columns={[
              "dashboard.col.sku",
              { right: "dashboard.stock.sellable" },
              { right: "dashboard.stock.blocked" },
              { right: "dashboard.stock.in_returns" },
              { right: "replenish.coming_back" },
              "replenish.reorder",
            ]}
            items={rows}
            row={(r) => (
              <Table.Tr key={r.sku} data-testid="dashboard-safety-row" data-sku={r.sku}>
                <SafetySkuCell row={r}>
                  <ProductLink sku={r.sku} testId="dashboard-sku-link" />
                </SafetySkuCell>
                <Table.Td ta="right">
                  <Badge color="red" variant="light" tt="none" data-testid="dashboard-sellable">
                    {t("dashboard.stock.of_minimum", { sellable: r.sellable, min: r.min_qty })}
                  </Badge>
                </Table.Td>
                <HeldStockCells
                  row={r}
                  testIds={{ blocked: "dashboard-blocked", inReturns: "dashboard-in-returns" }}
                />
                <Table.Td ta="right" data-testid="dashboard-coming-back">
                  {r.coming_back}
                </Table.Td>
                <ReorderCell row={r} testId="dashboard-reorder" />
              </Table.Tr>
            )}
          />
        )
      }
    </DashboardCard>
  );
}
