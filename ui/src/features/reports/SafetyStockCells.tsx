import { Table, Text } from "@mantine/core";
import type { ReactNode } from "react";
import type { SafetyStockRow } from "../../backend/bindings/SafetyStockRow";

/** The SKU as each table shows it (plain or as a link), with the product's name after it. */
export function SafetySkuCell({ row, children }: { row: SafetyStockRow; children: ReactNode }) {
  return (
    <Table.Td>
      {children}
      {row.product_name && (
        <Text span c="dimmed" size="xs">
          {" "}
          {row.product_name}
        </Text>
      )}
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
