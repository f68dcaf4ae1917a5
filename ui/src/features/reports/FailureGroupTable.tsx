import { Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { FailureGroupReview } from "../../backend/bindings/FailureGroupReview";
import { Aside } from "../../components/Aside";
import { HeadedTable } from "../../components/HeadedTable";
import { CountLink } from "./CountLink";
import { formatChange } from "./units";
import { useOpenFailures } from "./useOpenFailures";

/** Failures of each vendor or SKU, now and in the previous period; a figure opens its failures. */
export function FailureGroupTable({
  groups,
  total,
  codeLabel,
  testId,
}: {
  groups: FailureGroupReview[];
  total: number;
  codeLabel: string;
  testId: string;
}) {
  const { t, i18n } = useTranslation();
  const openFailures = useOpenFailures();
  return (
    <>
      <HeadedTable
        tableProps={{ striped: true, highlightOnHover: true, withTableBorder: true }}
        columns={[
          codeLabel,
          { label: t("reports.col.failures"), right: true },
          { label: t("reports.col.qty_failed_of_inspected"), right: true },
          { label: t("reports.col.previous"), right: true },
          { label: t("reports.col.change"), right: true },
        ]}
        items={groups}
        empty={t("reports.none_in_period")}
        row={(g) => (
          <Table.Tr key={g.code} data-testid={testId} data-code={g.code}>
            <Table.Td>
              <CountLink onOpen={() => openFailures(g.filter)}>{g.code}</CountLink>
              <Aside>{g.name}</Aside>
            </Table.Td>
            <Table.Td ta="right">
              <CountLink onOpen={() => openFailures(g.filter)} disabled={g.current.failures === 0}>
                {g.current.failures}
              </CountLink>
            </Table.Td>
            <Table.Td ta="right">
              {g.current.qty_failed} / {g.current.qty_inspected}
            </Table.Td>
            <Table.Td ta="right">{g.previous.failures}</Table.Td>
            <Table.Td ta="right">{formatChange(g.failures_change, i18n.language)}</Table.Td>
          </Table.Tr>
        )}
      />
      {total > groups.length && (
        <Text c="dimmed" size="xs">
          {t("reports.more_groups", { shown: groups.length, total })}
        </Text>
      )}
    </>
  );
}
