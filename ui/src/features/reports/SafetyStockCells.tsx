import { Badge, Table, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { SafetyStockRow } from "../../backend/bindings/SafetyStockRow";
import { Aside } from "../../components/Aside";

/** The SKU as each table shows it (plain or as a link), with the product's name after it. */
export function SafetySkuCell({ row, children }: { row: SafetyStockRow; children: ReactNode }) {
  return (
    <Table.Td>
      {children}
      <Aside>{row.product_name}</Aside>
    </Table.Td>
  );
}

/** The stock that does not count as sellable: blocked by holds, or in returns undecided. */
export function HeldStockCells({
  row,
  testIds,
}: {
  row: SafetyStockRow;
  testIds?: { blocked: string; inReturns: string };
}) {
  return (
    <>
      <Table.Td ta="right" data-testid={testIds?.blocked}>
        {row.blocked}
      </Table.Td>
      <Table.Td ta="right" data-testid={testIds?.inReturns}>
        {row.in_returns}
      </Table.Td>
    </>
  );
}

/** What to reorder: up to the maximum (or the minimum) from stock counted on, and from whom. */
export function ReorderCell({ row, testId }: { row: SafetyStockRow; testId?: string }) {
  const { t } = useTranslation();
  const { order_qty: qty } = row.reorder;
  return (
    <Table.Td data-testid={testId} data-qty={qty}>
      {qty > 0 ? (
        <Badge color="orange" variant="light" tt="none">
          {t("replenish.order", { qty, vendor: row.vendor_name ?? row.vendor_code ?? "—" })}
        </Badge>
      ) : (
        <Text span size="xs" c="dimmed">
          {t("replenish.nothing")}
        </Text>
      )}
    </Table.Td>
  );
}
