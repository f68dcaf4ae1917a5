import {
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconCheck, IconDownload, IconLockCheck } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import type { TFunction } from "i18next";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSession } from "../../app/session";
import type { RecallDetail } from "../../backend/bindings/RecallDetail";
import { TEXT_LIMITS } from "../../backend/bindings/textLimits";
import { call } from "../../backend/call";
import { Fact } from "../../components/Fact";
import { FileSaveButton, saveMade } from "../../components/FileSaveButton";
import { HistoryTimeline } from "../../components/HistoryTimeline";
import { DetailHeader } from "../../components/page/PageHeader";
import { QueryState } from "../../components/page/QueryState";
import { TableHead } from "../../components/TableHead";
import { errorMessage } from "../../errors/apiError";
import { formatDateTime } from "../../format";
import { useRecall } from "../../queries/records";
import { NoteModal } from "../lots/detail/NoteModal";
import { LotLink } from "../lots/links";
import { PdfButton } from "../lots/PdfButton";
import { mayDo } from "../lots/permissions";
import { refreshLotViews } from "../lots/refresh";
import { RecallStatusBadge } from "./RecallStatusBadge";
import { notifiedPercent, oneLine } from "./recall";

/** Coded values read in the UI language; free text (codes, notes) stays as recorded. */
function valueLabel(t: TFunction, field: string, value: string): string {
  return field === "status" ? t(`recalls.status.${value}`, { defaultValue: value }) : value;
}

function ExportCustomers({ recallNo, disabled }: { recallNo: string; disabled: boolean }) {
  const { t } = useTranslation();
  return (
    <FileSaveButton
      size="sm"
      icon={<IconDownload size={16} />}
      write={() => call("recall_customers_csv", { recall_no: recallNo }).then(saveMade)}
      label={t("lots.export_customers")}
      testId="recall-export-customers"
      disabled={disabled}
    />
  );
}

function Customers({ recall, canNotify }: { recall: RecallDetail; canNotify: boolean }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [busy, setBusy] = useState<string | null>(null);
  const notify = async (code: string) => {
    setBusy(code);
    try {
      const next = await call("recall_customer_notified", {
        recall_no: recall.recall_no,
        customer_code: code,
      });
      client.setQueryData(["recall", recall.recall_no], next);
      void client.invalidateQueries({ queryKey: ["recalls"] });
    } catch (err) {
      notifications.show({ color: "red", message: errorMessage(t, err) });
    } finally {
      setBusy(null);
    }
  };
  if (recall.customers.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t("lots.customer.none")}
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={800}>
      <Table data-testid="recall-customers">
        <TableHead
          columns={[
            t("lots.customer.name"),
            t("lots.customer.email"),
            t("lots.customer.phone"),
            t("recalls.customer.address"),
            t("recalls.customer.notified_at"),
          ]}
        />
        <Table.Tbody>
          {recall.customers.map((c) => (
            <Table.Tr
              key={c.customer_code}
              data-testid="recall-customer"
              data-customer={c.customer_code}
              data-notified={c.notified_at !== null}
            >
              <Table.Td>
                <Text size="sm">{c.name ?? c.customer_code}</Text>
                {c.name && (
                  <Text size="xs" c="dimmed">
                    {c.customer_code}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {c.email && (
                  <Anchor size="sm" href={`mailto:${c.email}`}>
                    {c.email}
                  </Anchor>
                )}
              </Table.Td>
              <Table.Td>{c.phone}</Table.Td>
              <Table.Td maw={260}>
                <Text size="sm">{oneLine(c.address)}</Text>
              </Table.Td>
              <Table.Td>
                {c.notified_at ? (
                  <Badge
                    color="teal"
                    variant="light"
                    leftSection={<IconCheck size={10} />}
                    data-testid={`recall-notified-${c.customer_code}`}
                  >
                    {formatDateTime(c.notified_at, i18n.language)}
                  </Badge>
                ) : canNotify ? (
                  <Button
                    size="xs"
                    variant="light"
                    loading={busy === c.customer_code}
                    disabled={busy !== null}
                    onClick={() => void notify(c.customer_code)}
                    data-testid={`recall-notify-${c.customer_code}`}
                  >
                    {t("recalls.customer.mark_notified")}
                  </Button>
                ) : (
                  <Text size="sm" c="orange">
                    {t("recalls.customer.not_notified")}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function RecallDetailPage({ recallNo }: { recallNo: string }) {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const client = useQueryClient();
  const [closing, setClosing] = useState(false);
  const query = useRecall(recallNo);
  if (!query.isSuccess) return <QueryState query={query} errorTestId="recall-error" />;
  const recall = query.data;
  const open = recall.status === "open";
  const allowed = mayDo("recall", session.permissions);
  return (
    <Stack gap="md">
      <DetailHeader
        title={t("recalls.detail.title")}
        number={recall.recall_no}
        numberTestId="recall-number"
        badges={<RecallStatusBadge status={recall.status} testId="recall-status" />}
      >
        <Group gap="xs">
          <PdfButton
            make={{
              act: "recall_report_pdf",
              input: { lot_codes: [], recall_no: recall.recall_no },
            }}
            label={t("recalls.report_pdf")}
            testId="recall-report-pdf"
          />
          <ExportCustomers recallNo={recall.recall_no} disabled={recall.customers.length === 0} />
          {open && allowed && (
            <Button
              variant="default"
              leftSection={<IconLockCheck size={16} />}
              onClick={() => setClosing(true)}
              data-testid="recall-close"
            >
              {t("recalls.close.button")}
            </Button>
          )}
        </Group>
      </DetailHeader>
      <Paper withBorder p="md" radius="md">
        <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
          {t("recalls.field.reason")}
        </Text>
        <Text size="sm" style={{ whiteSpace: "pre-wrap" }} data-testid="recall-reason-text">
          {recall.reason}
        </Text>
      </Paper>
      <Paper withBorder p="md" radius="md">
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md" verticalSpacing="sm">
          <Fact label={t("recalls.field.lots")} testId="recall-lot-codes">
            <Group gap={6}>
              {recall.lot_codes.map((code) => (
                <LotLink key={code} no={code} testId={`recall-lot-${code}`} />
              ))}
            </Group>
          </Fact>
          <Fact label={t("recalls.field.lots_in_scope")} testId="recall-lots-in-scope">
            {String(recall.lots_in_scope)}
          </Fact>
          <Fact label={t("recalls.field.held")} testId="recall-held">
            {String(recall.held)}
          </Fact>
          <Fact label={t("recalls.field.still_held")} testId="recall-still-held">
            {String(recall.still_held)}
          </Fact>
          <Fact label={t("recalls.field.notified")} testId="recall-notified">
            {t("recalls.notified_of", {
              notified: recall.notified_count,
              total: recall.customer_count,
            })}
            <Progress
              mt={4}
              value={notifiedPercent(recall)}
              size="sm"
              color={recall.notified_count >= recall.customer_count ? "teal" : "orange"}
            />
          </Fact>
          <Fact label={t("recalls.field.started")} testId="recall-started">
            {formatDateTime(recall.started_at, i18n.language)}
            {recall.started_by_name && (
              <Text size="xs" c="dimmed">
                {recall.started_by_name}
              </Text>
            )}
          </Fact>
          <Fact label={t("recalls.field.closed_at")} testId="recall-closed-at">
            {formatDateTime(recall.closed_at, i18n.language)}
          </Fact>
          <Fact label={t("recalls.field.close_note")} testId="recall-close-note-text">
            {recall.close_note}
          </Fact>
        </SimpleGrid>
      </Paper>
      <Paper withBorder p="md" radius="md">
        <Title order={5} mb="sm">
          {t("lots.recall.customers", { count: recall.customers.length })}
        </Title>
        <Customers recall={recall} canNotify={open && allowed} />
      </Paper>
      <HistoryTimeline
        history={recall.history}
        title={t("lots.detail.history")}
        testId="recall-history"
        valueLabel={valueLabel}
      />
      {closing && (
        <NoteModal
          title={t("recalls.close.title", { recall: recall.recall_no })}
          intro={t("recalls.close.intro", { count: recall.still_held })}
          label={t("recalls.close.note")}
          field="note"
          maxLength={TEXT_LIMITS.note}
          submitLabel={t("recalls.close.button")}
          testId="recall-close"
          run={async (note) => {
            const next = await call("close_recall", { recall_no: recall.recall_no, note });
            client.setQueryData(["recall", recall.recall_no], next);
            refreshLotViews(client);
          }}
          onClose={() => setClosing(false)}
        />
      )}
    </Stack>
  );
}
