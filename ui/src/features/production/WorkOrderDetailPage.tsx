import { Alert, Badge, Button, Group, SimpleGrid, Stack, Table, Text } from "@mantine/core";
import { IconAlertTriangle, IconCheck, IconPlayerPlay } from "@tabler/icons-react";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSession } from "../../app/session";
import type { WorkOrderDetail } from "../../backend/bindings/WorkOrderDetail";
import { call } from "../../backend/call";
import { useRecordAction } from "../../components/actions/useRecordAction";
import { Done } from "../../components/Done";
import { codedValues } from "../../components/detail/codedValues";
import { RecordPage } from "../../components/detail/RecordPage";
import { StepFacts } from "../../components/detail/StepFacts";
import { Fact, FactGrid } from "../../components/Fact";
import { ModalButton } from "../../components/ModalButton";
import { MutationButton } from "../../components/MutationButton";
import { QueryState } from "../../components/page/QueryState";
import { FailureLink, LotLink } from "../../components/RecordLink";
import { TitledCard } from "../../components/TitledCard";
import { useWorkOrder } from "../../queries/records";
import { formatDay } from "../scars/scar";
import {
  mayDecideBlocks,
  mayLogFailures,
  mayRecordComplaints,
  mayRunWorkOrders,
} from "./production";
import { ComplaintStatusBadge, WorkOrderStatusBadge } from "./StatusBadges";
import { CompleteWorkOrderModal, DecideBlockModal, WorkOrderFailureModal } from "./WorkOrderModals";

const WORK_ORDER_STEPS = ["planned", "started", "completed"] as const;

const valueLabel = codedValues({ status: "work_orders.status", decision: "work_orders.decision" });

function Blocked({ wo, onDecide }: { wo: WorkOrderDetail; onDecide: (failureNo: string) => void }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const open = wo.blocks.filter((b) => b.decision === null);
  if (open.length === 0) return null;
  const decides = mayDecideBlocks(session.permissions);
  return (
    <Alert
      color="red"
      variant="filled"
      icon={<IconAlertTriangle />}
      title={t("work_orders.blocked.title", { failure: open.map((b) => b.failure_no).join(", ") })}
      data-testid="wo-blocked"
    >
      <Stack gap="xs">
        <Text size="sm">{t("work_orders.blocked.text")}</Text>
        <Group gap="xs">
          {decides ? (
            open.map((b) => (
              <Button
                key={b.failure_no}
                size="xs"
                color="gray"
                variant="white"
                onClick={() => onDecide(b.failure_no)}
                data-testid="wo-decide"
                data-failure={b.failure_no}
              >
                {t("work_orders.decide.button")}: {b.failure_no}
              </Button>
            ))
          ) : (
            <Text size="sm" fs="italic">
              {t("work_orders.blocked.lead_only")}
            </Text>
          )}
        </Group>
      </Stack>
    </Alert>
  );
}

function Components({ wo }: { wo: WorkOrderDetail }) {
  const { t } = useTranslation();
  return (
    <TitledCard title={t("work_orders.detail.components")}>
      <Table fz="sm" data-testid="wo-components">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("work_orders.field.lot_code")}</Table.Th>
            <Table.Th>{t("work_orders.field.sku")}</Table.Th>
            <Table.Th>{t("work_orders.field.vendor")}</Table.Th>
            <Table.Th ta="right">{t("work_orders.field.planned_qty")}</Table.Th>
            <Table.Th ta="right">{t("work_orders.field.consumed_qty")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {wo.components.map((c) => (
            <Table.Tr key={c.lot_code} data-testid="wo-component" data-lot={c.lot_code}>
              <Table.Td>
                <LotLink no={c.lot_code} />
              </Table.Td>
              <Table.Td>{c.sku}</Table.Td>
              <Table.Td>{c.vendor_code}</Table.Td>
              <Table.Td ta="right">{c.planned_qty}</Table.Td>
              <Table.Td ta="right" fw={600} data-testid="wo-component-consumed">
                {c.consumed_qty ?? ""}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TitledCard>
  );
}

function Blocks({ wo }: { wo: WorkOrderDetail }) {
  const { t } = useTranslation();
  return (
    <TitledCard title={t("work_orders.detail.blocks")}>
      {wo.blocks.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("work_orders.detail.no_blocks")}
        </Text>
      ) : (
        <Table fz="sm" data-testid="wo-blocks">
          <Table.Tbody>
            {wo.blocks.map((b) => (
              <Table.Tr key={b.failure_no} data-testid="wo-block" data-decision={b.decision ?? ""}>
                <Table.Td>
                  <FailureLink no={b.failure_no} />
                  <Text size="xs" c="dimmed" lineClamp={2}>
                    {b.failure_description}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Done done={b.blocked} />
                </Table.Td>
                <Table.Td>
                  {b.decision ? (
                    <Stack gap={2}>
                      <Badge color={b.decision === "release" ? "teal" : "orange"} variant="light">
                        {t(`work_orders.decision.${b.decision}`)}
                      </Badge>
                      <Text size="xs">{b.decision_note}</Text>
                      <Text size="xs" c="dimmed" component="div">
                        <Done done={b.decided} />
                      </Text>
                    </Stack>
                  ) : (
                    <Badge color="red">{t("work_orders.detail.awaiting")}</Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </TitledCard>
  );
}

export function WorkOrderDetailPage({ workOrderNo }: { workOrderNo: string }) {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  // The block being decided, by its failure's number.
  const [deciding, setDeciding] = useState<string | null>(null);
  const query = useWorkOrder(workOrderNo);
  const { mutation: start } = useRecordAction(
    "work_order",
    () => call("start_work_order", { work_order_no: workOrderNo }),
    () => {},
  );
  if (!query.isSuccess) return <QueryState query={query} errorTestId="wo-error" />;
  const wo = query.data;
  const permissions = session.permissions;
  const runs = mayRunWorkOrders(permissions);
  const running = wo.status === "in_progress" || wo.status === "blocked";
  return (
    <RecordPage
      head={[t("work_orders.detail.title"), wo.work_order_no, "wo-number"]}
      badges={<WorkOrderStatusBadge status={wo.status} testId="wo-status" />}
      actions={
        <Group gap="xs">
          {runs && wo.status === "planned" && (
            <MutationButton
              mutation={start}
              leftSection={<IconPlayerPlay size={16} />}
              testId="wo-start"
            >
              {t("work_orders.start.button")}
            </MutationButton>
          )}
          {mayLogFailures(permissions) && (running || wo.status === "completed") && (
            <ModalButton
              color="red"
              label={t("work_orders.failure.button")}
              icon={<IconAlertTriangle size={16} />}
              testId="wo-log-failure"
            >
              {(close) => <WorkOrderFailureModal wo={wo} onClose={close} />}
            </ModalButton>
          )}
          {runs && running && (
            <ModalButton
              variant="filled"
              label={t("work_orders.complete.button")}
              icon={<IconCheck size={16} />}
              disabled={wo.status === "blocked"}
              testId="wo-complete"
            >
              {(close) => <CompleteWorkOrderModal wo={wo} onClose={close} />}
            </ModalButton>
          )}
          {mayRecordComplaints(permissions) && wo.output_received && (
            <Button
              variant="default"
              renderRoot={(props) => (
                <Link {...props} to="/complaints" search={{ work_order_no: wo.work_order_no }} />
              )}
              data-testid="wo-new-complaint"
            >
              {t("complaints.open.button")}
            </Button>
          )}
        </Group>
      }
      history={{
        history: wo.history,
        title: t("work_orders.detail.history"),
        testId: "wo-history",
        valueLabel,
      }}
    >
      <Blocked wo={wo} onDecide={setDeciding} />
      <FactGrid md={4}>
        <Fact label={t("work_orders.field.sku")} testId="wo-sku">
          {wo.product_name ? `${wo.product_name} (${wo.sku})` : wo.sku}
        </Fact>
        <Fact label={t("work_orders.field.output_lot")} testId="wo-output">
          {wo.output_received ? (
            <LotLink no={wo.output_lot_code} testId="wo-output-link" />
          ) : (
            <Text size="sm" c="dimmed">
              {t("work_orders.detail.output_not_made", { lot: wo.output_lot_code })}
            </Text>
          )}
        </Fact>
        <Fact label={t("work_orders.field.planned_qty")}>
          {wo.planned_qty} {wo.unit}
        </Fact>
        <Fact label={t("work_orders.field.output_qty")} testId="wo-output-qty">
          {wo.output_qty !== null ? `${wo.output_qty} ${wo.unit}` : ""}
        </Fact>
        <Fact label={t("work_orders.field.location")}>{wo.location}</Fact>
        <Fact label={t("work_orders.field.due_on")}>{formatDay(wo.due_on, i18n.language)}</Fact>
        <StepFacts prefix="work_orders.field" record={wo} steps={WORK_ORDER_STEPS} />
        <Fact label={t("work_orders.field.note")}>{wo.note}</Fact>
      </FactGrid>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <Components wo={wo} />
        <Blocks wo={wo} />
      </SimpleGrid>
      {wo.complaints.length > 0 && (
        <TitledCard title={t("work_orders.detail.complaints")}>
          <Table fz="sm" data-testid="wo-complaints">
            <Table.Tbody>
              {wo.complaints.map((c) => (
                <Table.Tr key={c.complaint_no}>
                  <Table.Td>
                    <Link to="/complaints/$complaintNo" params={{ complaintNo: c.complaint_no }}>
                      {c.complaint_no}
                    </Link>
                  </Table.Td>
                  <Table.Td>
                    <ComplaintStatusBadge status={c.status} />
                  </Table.Td>
                  <Table.Td>{c.description}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TitledCard>
      )}
      {deciding !== null && (
        <DecideBlockModal wo={wo} failureNo={deciding} onClose={() => setDeciding(null)} />
      )}
    </RecordPage>
  );
}
