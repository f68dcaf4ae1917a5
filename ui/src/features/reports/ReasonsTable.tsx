import { Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ReasonCount } from "../../backend/bindings/ReasonCount";
import { HeadedTable } from "../../components/HeadedTable";
import { fieldHeadings } from "../../components/TableHead";
import { numberFormat } from "../../intl";
import { reasonName } from "../returns/verdict";

/** RMAs opened and units asked back per reason, most RMAs first. */
export function ReasonsTable({ reasons, testId }: { reasons: ReasonCount[]; testId: string }) {
  const { t, i18n } = useTranslation();
  if (reasons.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid={testId}>
        {t("reports.reasons.empty")}
      </Text>
    );
  }
  return (
    <HeadedTable
      tableProps={{ withTableBorder: true, verticalSpacing: 4, fz: "sm" }}
      data-testid={testId}
      columns={fieldHeadings(t, "reports.reasons", [
        "reason",
        { right: "rmas" },
        { right: "units" },
      ])}
      items={reasons}
      row={(r) => (
        <Table.Tr key={r.reason_code}>
          <Table.Td>{reasonName(t, r.reason_code)}</Table.Td>
          <Table.Td ta="right">{numberFormat(i18n.language).format(r.rmas)}</Table.Td>
          <Table.Td ta="right">{numberFormat(i18n.language).format(r.units)}</Table.Td>
        </Table.Tr>
      )}
    />
  );
}
