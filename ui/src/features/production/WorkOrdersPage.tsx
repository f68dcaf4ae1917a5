import {
  Alert,
  Button,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSession } from "../../app/session";
import type { WorkOrderStatus } from "../../backend/bindings/WorkOrderStatus";
import { call } from "../../backend/call";
import { errorMessage } from "../../errors/apiError";
import { formatDay } from "../scars/scar";
import { PlanWorkOrderModal } from "./PlanWorkOrderModal";
import { mayRunWorkOrders, WORK_ORDER_STATUSES } from "./production";
import { WorkOrderStatusBadge } from "./StatusBadges";

/** Every work order, blocked ones first, then running, planned and completed. */
export function WorkOrdersPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { session } = useSession();
  const [status, setStatus] = useState<WorkOrderStatus | "all">("all");
  const [text, setText] = useState("");
  const [planning, setPlanning] = useState(false);
  const list = useQuery({
    queryKey: ["work_orders", status, text],
    queryFn: () =>
      call("list_work_orders", { status: status === "all" ? null : status, text: text || null }),
  });
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2} data-testid="page-title">
          {t("work_orders.title")}
        </Title>
        {mayRunWorkOrders(session.permissions) && (
          <Button
            leftSection={<IconPlus size={16} />}
            onClick={() => setPlanning(true)}
            data-testid="wo-plan"
          >
            {t("work_orders.plan.button")}
          </Button>
        )}
      </Group>
      <Group>
        <SegmentedControl
          value={status}
          onChange={(v) => setStatus(v as WorkOrderStatus | "all")}
          data={[
            { value: "all", label: t("work_orders.list.all") },
            ...WORK_ORDER_STATUSES.map((s) => ({ value: s, label: t(`work_orders.status.${s}`) })),
          ]}
          data-testid="wo-filter"
        />
        <TextInput
          placeholder={t("work_orders.list.search")}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          data-testid="wo-search"
        />
      </Group>
      {list.isPending && <Loader />}
      {list.isError && <Alert color="red">{errorMessage(t, list.error)}</Alert>}
      {list.data && list.data.length === 0 && (
        <Paper withBorder p="md" radius="md">
          <Text size="sm" c="dimmed" data-testid="wo-empty">
            {t("work_orders.list.empty")}
          </Text>
        </Paper>
      )}
      {list.data && list.data.length > 0 && (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={800}>
            <Table highlightOnHover data-testid="wo-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("work_orders.field.work_order_no")}</Table.Th>
                  <Table.Th>{t("work_orders.field.status")}</Table.Th>
                  <Table.Th>{t("work_orders.field.sku")}</Table.Th>
                  <Table.Th>{t("work_orders.field.output_lot")}</Table.Th>
                  <Table.Th ta="right">{t("work_orders.field.planned_qty")}</Table.Th>
                  <Table.Th ta="right">{t("work_orders.field.output_qty")}</Table.Th>
                  <Table.Th>{t("work_orders.field.due_on")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.map((w) => (
                  <Table.Tr
                    key={w.work_order_no}
                    data-testid="wo-row"
                    data-no={w.work_order_no}
                    data-status={w.status}
                    style={{ cursor: "pointer" }}
                    onClick={() =>
                      void navigate({
                        to: "/work-orders/$workOrderNo",
                        params: { workOrderNo: w.work_order_no },
                      })
                    }
                  >
                    <Table.Td fw={600}>{w.work_order_no}</Table.Td>
                    <Table.Td>
                      <WorkOrderStatusBadge status={w.status} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{w.product_name ?? w.sku}</Text>
                      <Text size="xs" c="dimmed">
                        {w.sku}
                      </Text>
                    </Table.Td>
                    <Table.Td>{w.output_lot_code}</Table.Td>
                    <Table.Td ta="right">
                      {w.planned_qty} {w.unit}
                    </Table.Td>
                    <Table.Td ta="right">{w.output_qty ?? ""}</Table.Td>
                    <Table.Td>{formatDay(w.due_on, i18n.language)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      {planning && <PlanWorkOrderModal onClose={() => setPlanning(false)} />}
    </Stack>
  );
}
