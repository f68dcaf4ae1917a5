import { Alert, Paper, Stack, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { call } from "../../../backend/call";
import { HeadedTable } from "../../../components/HeadedTable";
import { fieldHeadings } from "../../../components/TableHead";
import { errorMessage, translateKey } from "../../../errors/apiError";
import { formatDateTimeShort } from "../../../format";
import { SectionHead } from "./SectionHead";

export const REFUSED_ACTS = ["refused_acts"] as const;

/** This desk's changes the team's server refused, with its reasons in the reader's language. */
export function RefusedActs() {
  const { t, i18n } = useTranslation();
  const refused = useQuery({
    queryKey: REFUSED_ACTS,
    queryFn: () => call("list_refused_acts", {}),
  });
  const rows = refused.data ?? [];
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="refused-title">
      <Stack gap="sm">
        <SectionHead
          id="refused-title"
          title={t("sync.team.refused.title")}
          intro={t("sync.team.refused.intro")}
        />
        {refused.isError && <Alert color="red">{errorMessage(t, refused.error)}</Alert>}
        {refused.isSuccess && rows.length === 0 && (
          <Text size="sm" data-testid="refused-none">
            {t("sync.team.refused.empty")}
          </Text>
        )}
        {rows.length > 0 && (
          <HeadedTable
            tableProps={{ striped: true, withTableBorder: true, verticalSpacing: "xs" }}
            data-testid="refused-table"
            columns={[
              { label: t("sync.team.refused.when"), w: 150 },
              ...fieldHeadings(t, "sync.team.refused", ["what", "record", "by", "reason"]),
            ]}
            items={rows}
            row={(row) => (
              <Table.Tr key={row.act_id} data-testid="refused-row">
                <Table.Td>{formatDateTimeShort(row.refused_at, i18n.language)}</Table.Td>
                <Table.Td>{t(`history.kind.${row.kind}`, { defaultValue: row.kind })}</Table.Td>
                <Table.Td
                  ff={row.number ? "monospace" : undefined}
                  style={{ whiteSpace: "nowrap" }}
                >
                  {row.number ?? "—"}
                </Table.Td>
                <Table.Td>{row.actor_name ?? "—"}</Table.Td>
                <Table.Td data-testid="refused-reason">
                  {translateKey(t, row.reason_key, row.params)}
                </Table.Td>
              </Table.Tr>
            )}
          />
        )}
      </Stack>
    </Paper>
  );
}
