import { Center, Drawer, Loader } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSession } from "../../app/session";
import type { ChannelFilter } from "../../backend/bindings/ChannelFilter";
import type { OrderView } from "../../backend/bindings/OrderView";
import { call } from "../../backend/call";
import { fieldColumn, moneyColumn } from "../../components/fieldColumn";
import { ChoiceFilter } from "../../components/page/FilterBar";
import type { Column } from "../../components/VirtualTable";
import { errorMessage } from "../../errors/apiError";
import { formatDateTimeShort } from "../../format";
import { CHANNEL_FILTERS, channelName } from "../channels/channels";
import { complaintColumn } from "./complaintColumn";
import { MasterPage } from "./MasterPage";
import { OrderForm } from "./OrderForm";
import { OrderStatusBadge } from "./OrderStatusBadge";

/** The list carries headers only; the form loads the order with its lines. */
function OrderEditor({
  orderNo,
  currency,
  onClose,
}: {
  orderNo: string | null;
  currency: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const order = useQuery({
    queryKey: ["orders", "one", orderNo],
    queryFn: () => call("get_order", { order_no: orderNo ?? "" }),
    enabled: orderNo !== null,
    // Loaded fresh each time the drawer opens (nothing kept after it closes), and never
    // refetched while open: the form copies the lines once, and edits must not be reset.
    gcTime: 0,
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
    retry: false,
  });
  const failed = order.isError;
  useEffect(() => {
    if (!failed) return;
    notifications.show({ color: "red", message: errorMessage(t, order.error) });
    onClose();
  }, [failed, order.error, onClose, t]);
  if (orderNo === null) return <OrderForm order={null} currency={currency} onClose={onClose} />;
  if (!order.data) {
    return (
      <Drawer opened onClose={onClose} position="right" size="xl" title={orderNo}>
        <Center h={200}>
          <Loader size="sm" />
        </Center>
      </Drawer>
    );
  }
  return <OrderForm order={order.data} currency={currency} onClose={onClose} />;
}

export function OrdersPage({ filter }: { filter?: string }) {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const [channel, setChannel] = useState<ChannelFilter | "">("");
  const columns: Column<OrderView>[] = [
    fieldColumn("order_no", t("masterdata.field.order_no"), "order_no", { width: "140px" }),
    {
      id: "customer",
      header: t("masterdata.field.customer_code"),
      enableSorting: false,
      cell: ({ row }) => `${row.original.customer_code} · ${row.original.customer_name ?? ""}`,
      meta: { width: "minmax(220px, 2fr)", clip: true },
    },
    {
      id: "ordered_at",
      header: t("masterdata.field.ordered_at"),
      enableSorting: false,
      cell: ({ row }) => formatDateTimeShort(row.original.ordered_at, i18n.language),
      meta: { width: "140px" },
    },
    {
      id: "status",
      header: t("masterdata.field.status"),
      enableSorting: false,
      cell: ({ row }) => <OrderStatusBadge status={row.original.status} />,
      meta: { width: "120px" },
    },
    {
      id: "channel",
      header: t("channel.label"),
      enableSorting: false,
      cell: ({ row }) => channelName(t, row.original.channel),
      meta: { width: "130px", clip: true },
    },
    fieldColumn("lines", t("masterdata.orders.lines"), "line_count", {
      width: "80px",
      align: "right",
    }),
    moneyColumn(
      "total",
      t("masterdata.orders.total"),
      (o) => o.total_minor,
      i18n.language,
      "120px",
    ),
    complaintColumn((o) => ({ order_no: o.order_no }), "order-complaint"),
  ];
  return (
    <MasterPage
      filter={filter}
      entity="orders"
      list={(q) => call("list_orders", { ...q, channel: channel === "" ? null : channel })}
      filterKey={channel}
      filters={
        <ChoiceFilter
          label={t("channel.label")}
          value={channel}
          onChange={setChannel}
          options={CHANNEL_FILTERS.map((c) => ({ value: c, label: t(`channel.${c}`) }))}
          testId="orders-filter-channel"
        />
      }
      columns={columns}
      rowKey={(o) => o.order_no}
      form={(row, close) => (
        <OrderEditor
          orderNo={row?.order_no ?? null}
          currency={session.settings.currency}
          onClose={close}
        />
      )}
    />
  );
}
