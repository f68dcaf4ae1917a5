import { Group, Progress, Stack, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { call } from "../../backend/call";
import { PageHeader } from "../../components/page/PageHeader";
import { ShortList } from "../../components/page/ShortList";
import { LotLink } from "../../components/RecordLink";
import { fieldHeadings } from "../../components/TableHead";
import { formatDateTimeShort } from "../../format";
import { RecallStatusBadge } from "./RecallStatusBadge";
import { notifiedPercent, sortRecalls } from "./recall";

/** Every recall, open ones first: what is held and who still has to be told. */
export function RecallsPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const list = useQuery({ queryKey: ["recalls"], queryFn: () => call("list_recalls", {}) });
  return (
    <Stack gap="md">
      <PageHeader title={t("recalls.title")} />
      <ShortList
        query={list}
        empty={t("recalls.list.empty")}
        emptyTestId="recalls-empty"
        testId="recalls-table"
        highlightOnHover
        columns={fieldHeadings(t, "recalls.field", [
          "recall_no",
          "status",
          "lots",
          "reason",
          { right: "lots_in_scope" },
          { right: "still_held" },
          "notified",
          "started",
        ])}
        rows={(data) =>
          sortRecalls(data).map((r) => (
            <Table.Tr
              key={r.recall_no}
              data-testid="recall-row"
              data-no={r.recall_no}
              data-status={r.status}
              style={{ cursor: "pointer" }}
              onClick={() =>
                void navigate({
                  to: "/recalls/$recallNo",
                  params: { recallNo: r.recall_no },
                })
              }
            >
              <Table.Td fw={600}>{r.recall_no}</Table.Td>
              <Table.Td>
                <RecallStatusBadge status={r.status} />
              </Table.Td>
              <Table.Td>
                <Group gap={6}>
                  {r.lot_codes.map((code) => (
                    <LotLink key={code} no={code} />
                  ))}
                </Group>
              </Table.Td>
              <Table.Td maw={280}>
                <Text size="sm" truncate>
                  {r.reason}
                </Text>
              </Table.Td>
              <Table.Td ta="right">{r.lots_in_scope}</Table.Td>
              <Table.Td ta="right">
                {t("recalls.held_of", { still: r.still_held, held: r.held })}
              </Table.Td>
              <Table.Td miw={140}>
                <Text size="xs">
                  {t("recalls.notified_of", {
                    notified: r.notified_count,
                    total: r.customer_count,
                  })}
                </Text>
                <Progress
                  value={notifiedPercent(r)}
                  size="sm"
                  color={r.notified_count >= r.customer_count ? "teal" : "orange"}
                />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{formatDateTimeShort(r.started_at, i18n.language)}</Text>
                {r.started_by_name && (
                  <Text size="xs" c="dimmed">
                    {r.started_by_name}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))
        }
      />
    </Stack>
  );
}
