import { Stack, Table, TextInput } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSession } from "../../app/session";
import type { WorkOrderStatus } from "../../backend/bindings/WorkOrderStatus";
import { call } from "../../backend/call";
import { TwoLineCell } from "../../components/cells/TwoLineCell";
import { FilterBar } from "../../components/page/FilterBar";
import { NewButton } from "../../components/page/NewButton";
import { PageHeader } from "../../components/page/PageHeader";
import { RecordTable } from "../../components/page/RecordTable";
import { StatusFilter, useStatusFilter } from "../../components/page/StatusFilter";
import { fieldHeadings } from "../../components/TableHead";
import { keys } from "../../queries/keys";
import { formatDay } from "../scars/scar";
import { PlanWorkOrderModal } from "./PlanWorkOrderModal";
import { mayRunWorkOrders, WORK_ORDER_STATUSES } from "./production";
import { WorkOrderStatusBadge } from "./StatusBadges";

/** Every work order, blocked ones first, then running, planned and completed. */
export function WorkOrdersPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { session } = useSession();
  const status = useStatusFilter<WorkOrderStatus>();
  const [text, setText] = useState("");
  const [planning, setPlanning] = useState(false);
  const list = useQuery({
    queryKey: [...keys.workOrders, status.value, text],
    queryFn: () => call("list_work_orders", { status: status.input, text: text || null }),
  });
  return (
    <Stack gap="md">
      <PageHeader title={t("work_orders.title")}>
        {mayRunWorkOrders(session.permissions) && (
          <NewButton
            label={t("work_orders.plan.button")}
            onClick={() => setPlanning(true)}
            testId="wo-plan"
          />
        )}
      </PageHeader>
      <FilterBar
        onClear={() => {
          status.clear();
          setText("");
        }}
      >
        <StatusFilter
          list="work_orders"
          statuses={WORK_ORDER_STATUSES}
          filter={status}
          testId="wo-filter"
        />
        <TextInput
          placeholder={t("work_orders.list.search")}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          data-testid="wo-search"
        />
      </FilterBar>
      <RecordTable
        query={list}
        empty={t("work_orders.list.empty")}
        testId="wo"
        minWidth={800}
        columns={fieldHeadings(t, "work_orders.field", [
          "work_order_no",
          "status",
          "sku",
          "output_lot",
          { right: "planned_qty" },
          { right: "output_qty" },
          "due_on",
        ])}
        rowKey={(w) => w.work_order_no}
        rowTestId="wo-row"
        rowStatus={(w) => w.status}
        onOpen={(w) =>
          void navigate({
            to: "/work-orders/$workOrderNo",
            params: { workOrderNo: w.work_order_no },
          })
        }
        row={(w) => (
          <>
            <Table.Td fw={600}>{w.work_order_no}</Table.Td>
            <Table.Td>
              <WorkOrderStatusBadge status={w.status} />
            </Table.Td>
            <TwoLineCell main={w.product_name ?? w.sku} sub={w.sku} />
            <Table.Td>{w.output_lot_code}</Table.Td>
            <Table.Td ta="right">
              {w.planned_qty} {w.unit}
            </Table.Td>
            <Table.Td ta="right">{w.output_qty ?? ""}</Table.Td>
            <Table.Td>{formatDay(w.due_on, i18n.language)}</Table.Td>
          </>
        )}
      />
      {planning && <PlanWorkOrderModal onClose={() => setPlanning(false)} />}
    </Stack>
  );
}
