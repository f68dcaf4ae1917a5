import { Table } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { headings, TableHead } from "../../components/TableHead";

/** A table of the period's figures beside the previous period's; `heading` names its rows. */
export function ComparedTable({
  heading,
  testId,
  children,
}: {
  /** The i18n key of the first column's heading. */
  heading: string;
  testId: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Table withTableBorder fz="sm" data-testid={testId}>
      <TableHead
        columns={headings(t, [
          heading,
          { right: "reports.col.current" },
          { right: "reports.col.previous" },
        ])}
      />
      {children}
    </Table>
  );
}
