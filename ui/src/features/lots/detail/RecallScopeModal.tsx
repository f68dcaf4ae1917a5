import {
  Alert,
  Center,
  Group,
  Loader,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { call } from "../../../backend/call";
import { CsvButton } from "../../../components/CsvButton";
import { HeadedTable } from "../../../components/HeadedTable";
import { Note } from "../../../components/Note";
import { LotLink } from "../../../components/RecordLink";
import { submitWith } from "../../../components/submitWith";
import { headings } from "../../../components/TableHead";
import { errorMessage } from "../../../errors/apiError";
import { fileSafe } from "../../../files/csv";
import { numberFormat } from "../../../intl";
import { LotStatusBadge } from "../badges";
import { formatQty } from "../dates";
import { mayDo } from "../permissions";
import { refreshLotViews } from "../refresh";
import { CUSTOMERS } from "../trace/customers";
import { customersCsv } from "../trace/exports";
import { TracedTable } from "../trace/TracedTable";
import { RecallButton } from "./RecallButton";
import { useTextSubmit } from "./useTextSubmit";

/** The scope's four counts, each labelled `lots.recall.<key>` and tested as `recall-<key>`. */
const STATS = ["lots", "in_stock_lots", "orders", "shipped_qty"] as const;

function Stat({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="xl" fw={700} data-testid={testId}>
        {value}
      </Text>
    </Paper>
  );
}

/** Starts the recall of a lot: a reason is required; every in-stock lot in scope goes on hold. */
function StartRecall({ lotCode, inStockLots }: { lotCode: string; inStockLots: number }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const {
    text: reason,
    setText: setReason,
    error,
    other,
    busy,
    submit: start,
  } = useTextSubmit("reason", async (text) => {
    const recall = await call("start_recall", { lot_codes: [lotCode], reason: text });
    client.setQueryData(["recall", recall.recall_no], recall);
    refreshLotViews(client);
    void navigate({ to: "/recalls/$recallNo", params: { recallNo: recall.recall_no } });
  });
  return (
    <Paper withBorder p="md" radius="md" bg="red.0" data-testid="recall-start-section">
      <form onSubmit={submitWith(() => void start())}>
        <Stack gap="sm">
          <Title order={5}>{t("recalls.start.title")}</Title>
          <Text size="sm">{t("recalls.start.intro", { count: inStockLots })}</Text>
          <Textarea
            label={t("recalls.field.reason")}
            withAsterisk
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={error}
            data-testid="recall-reason"
          />
          {other && (
            <Alert color="red" data-testid="recall-start-error">
              {other}
            </Alert>
          )}
          <Group justify="flex-end">
            <RecallButton type="submit" loading={busy} data-testid="recall-start">
              {t("recalls.start.button")}
            </RecallButton>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** What a recall of this lot would reach: stock to pull and customers to contact. */
export function RecallScopeModal({
  lotCode,
  permissions,
  onClose,
}: {
  lotCode: string;
  /** The session's permissions (`session.permissions`). */
  permissions: readonly string[];
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const scope = useQuery({
    queryKey: ["recall_scope", lotCode],
    queryFn: () => call("recall_scope", { lot_codes: [lotCode] }),
  });
  const number = numberFormat(i18n.language, { maximumFractionDigits: 3 });
  const data = scope.data;
  return (
    <Modal
      opened
      onClose={onClose}
      size="80rem"
      title={t("lots.recall.title", { lot: lotCode })}
      data-testid="recall-scope"
    >
      {scope.isPending && (
        <Center h={200}>
          <Loader />
        </Center>
      )}
      {scope.isError && <Alert color="red">{errorMessage(t, scope.error)}</Alert>}
      {data && (
        <Stack gap="md">
          <Note>{t("lots.recall.intro")}</Note>
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            {STATS.map((key) => (
              <Stat
                key={key}
                label={t(`lots.recall.${key}`)}
                value={number.format(data[key])}
                testId={`recall-${key.replaceAll("_", "-")}`}
              />
            ))}
          </SimpleGrid>
          <Stack gap="xs">
            <Title order={5}>{t("lots.recall.stock_by_location")}</Title>
            {data.in_stock.length === 0 ? (
              <Note>{t("lots.recall.no_stock")}</Note>
            ) : (
              <HeadedTable
                data-testid="recall-stock"
                columns={headings(t, [
                  "lots.field.location",
                  { right: "lots.recall.lots" },
                  { right: "lots.field.qty" },
                ])}
                items={data.in_stock}
                row={(s) => (
                  <Table.Tr key={`${s.location}/${s.unit}`}>
                    <Table.Td>{s.location || t("lots.recall.no_location")}</Table.Td>
                    <Table.Td ta="right">{number.format(s.lots)}</Table.Td>
                    <Table.Td ta="right">{formatQty(s.qty, s.unit, i18n.language)}</Table.Td>
                  </Table.Tr>
                )}
              />
            )}
          </Stack>
          <Stack gap="xs">
            <Group justify="space-between">
              <Title order={5}>
                {t("lots.recall.customers", { count: data.customers.length })}
              </Title>
              <CsvButton
                fileName={`recall-customers-${fileSafe(lotCode)}.csv`}
                build={() => customersCsv(data.customers, t)}
                label={t("lots.export_customers")}
                testId="recall-scope-export-customers"
                disabled={data.customers.length === 0}
              />
            </Group>
            <TracedTable items={data.customers} kind={CUSTOMERS} />
          </Stack>
          {data.in_stock_listed.length > 0 && (
            <Stack gap="xs">
              <Title order={5}>
                {t("lots.recall.in_stock_listed", {
                  shown: data.in_stock_listed.length,
                  total: data.in_stock_lots,
                })}
              </Title>
              <Table.ScrollContainer minWidth={600} maxHeight={300}>
                <HeadedTable
                  tableProps={{ stickyHeader: true }}
                  data-testid="recall-in-stock"
                  columns={headings(t, [
                    "lots.field.lot_code",
                    "lots.field.sku",
                    "lots.field.status",
                    { right: "lots.field.on_hand" },
                    "lots.field.location",
                    { right: "lots.trace.depth" },
                  ])}
                  items={data.in_stock_listed}
                  row={(l) => (
                    <Table.Tr key={l.lot_code}>
                      <Table.Td>
                        <LotLink no={l.lot_code} />
                      </Table.Td>
                      <Table.Td>{l.sku}</Table.Td>
                      <Table.Td>
                        <LotStatusBadge status={l.status} />
                      </Table.Td>
                      <Table.Td ta="right">{formatQty(l.on_hand, l.unit, i18n.language)}</Table.Td>
                      <Table.Td>{l.location}</Table.Td>
                      <Table.Td ta="right">{l.depth}</Table.Td>
                    </Table.Tr>
                  )}
                />
              </Table.ScrollContainer>
            </Stack>
          )}
          {mayDo("recall", permissions) && (
            <StartRecall lotCode={lotCode} inStockLots={data.in_stock_lots} />
          )}
        </Stack>
      )}
    </Modal>
  );
}
