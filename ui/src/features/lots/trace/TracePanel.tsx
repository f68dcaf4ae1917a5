import {
  Alert,
  Center,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Tabs,
  Title,
} from "@mantine/core";
import { IconArrowLeft, IconArrowRight, IconTable, IconTopologyStar3 } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Direction } from "../../../backend/bindings/Direction";
import type { LotDetail } from "../../../backend/bindings/LotDetail";
import { call } from "../../../backend/call";
import { Note } from "../../../components/Note";
import { errorMessage } from "../../../errors/apiError";
import { fileSafe } from "../../../files/csv";
import { PdfButton } from "../PdfButton";
import { CUSTOMERS } from "./customers";
import { layoutTrace } from "./graph";
import { ORDERS } from "./orders";
import { TraceCsvButton } from "./TraceCsvButton";
import { TracedTable } from "./TracedTable";
import { TraceGraph } from "./TraceGraph";
import { TraceRecords } from "./TraceRecords";
import { TraceTable } from "./TraceTable";

/** Where this lot's material went (forward) or came from (backward). */
export function TracePanel({ lot }: { lot: LotDetail }) {
  const { t } = useTranslation();
  const [direction, setDirection] = useState<Direction>("forward");
  const [view, setView] = useState("graph");
  const trace = useQuery({
    queryKey: ["trace", lot.lot_code, direction],
    queryFn: () => call("trace_lot", { lot_code: lot.lot_code, direction }),
  });
  const graph = useMemo(
    () =>
      trace.data
        ? layoutTrace(trace.data, {
            lot_code: lot.lot_code,
            sku: lot.sku,
            on_hand: lot.on_hand,
            unit: lot.unit,
            status: lot.status,
          })
        : null,
    [trace.data, lot.lot_code, lot.sku, lot.on_hand, lot.unit, lot.status],
  );
  const base = `${fileSafe(lot.lot_code)}-${direction}`;
  return (
    <Paper withBorder p="md" radius="md" data-testid="trace-panel">
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={4}>{t("lots.trace.title")}</Title>
          <SegmentedControl
            value={direction}
            onChange={(v) => setDirection(v === "backward" ? "backward" : "forward")}
            data-testid="trace-direction"
            data={[
              {
                value: "backward",
                label: (
                  <Group gap={4} wrap="nowrap">
                    <IconArrowLeft size={14} />
                    {t("lots.trace.backward")}
                  </Group>
                ),
              },
              {
                value: "forward",
                label: (
                  <Group gap={4} wrap="nowrap">
                    {t("lots.trace.forward")}
                    <IconArrowRight size={14} />
                  </Group>
                ),
              },
            ]}
          />
        </Group>
        <Note>{t(`lots.trace.${direction}_hint`)}</Note>
        {trace.isPending && (
          <Center h={200}>
            <Loader />
          </Center>
        )}
        {trace.isError && (
          <Alert color="red" data-testid="trace-error">
            {errorMessage(t, trace.error)}
          </Alert>
        )}
        {trace.data && graph && (
          <>
            <Tabs value={view} onChange={(v) => setView(v ?? "graph")} keepMounted={false}>
              <Tabs.List mb="sm">
                <Tabs.Tab
                  value="graph"
                  leftSection={<IconTopologyStar3 size={14} />}
                  data-testid="trace-tab-graph"
                >
                  {t("lots.trace.graph")}
                </Tabs.Tab>
                <Tabs.Tab
                  value="table"
                  leftSection={<IconTable size={14} />}
                  data-testid="trace-tab-table"
                >
                  {t("lots.trace.table", { count: trace.data.lots.length })}
                </Tabs.Tab>
                <Group ml="auto" pb={4} gap="xs">
                  <PdfButton
                    make={{
                      act: "trace_report_pdf",
                      input: { lot_code: lot.lot_code, direction: direction },
                    }}
                    label={t("lots.trace.report_pdf")}
                    testId="trace-report-pdf"
                  />
                  <TraceCsvButton what="lots" trace={trace.data} base={base} />
                </Group>
              </Tabs.List>
              <Tabs.Panel value="graph">
                <TraceGraph graph={graph} direction={direction} />
              </Tabs.Panel>
              <Tabs.Panel value="table">
                <TraceTable lots={trace.data.lots} />
              </Tabs.Panel>
            </Tabs>
            <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
              <Stack gap="xs">
                <Title order={5}>
                  {t("lots.trace.orders", { count: trace.data.orders.length })}
                </Title>
                <TracedTable items={trace.data.orders} kind={ORDERS} />
              </Stack>
              <Stack gap="xs">
                <Group justify="space-between">
                  <Title order={5}>
                    {t("lots.trace.customers", { count: trace.data.customers.length })}
                  </Title>
                  <TraceCsvButton what="customers" trace={trace.data} base={base} />
                </Group>
                <TracedTable items={trace.data.customers} kind={CUSTOMERS} />
              </Stack>
            </SimpleGrid>
            <TraceRecords failures={trace.data.failures} rmas={trace.data.rmas} />
          </>
        )}
      </Stack>
    </Paper>
  );
}
