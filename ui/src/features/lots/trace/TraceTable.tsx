import { Text } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { TraceLot } from "../../../backend/bindings/TraceLot";
import { type Column, VirtualTable } from "../../../components/VirtualTable";
import { LotStatusBadge } from "../badges";
import { formatQty } from "../dates";
import { ExpiryDate } from "../ExpiryDate";
import { LotLink } from "../links";

/** Every traced lot, however many; the graph shows only the nearest. */
export function TraceTable({ lots }: { lots: TraceLot[] }) {
  const { t, i18n } = useTranslation();
  const columns: Column<TraceLot>[] = [
    {
      id: "depth",
      header: t("lots.trace.depth"),
      accessorKey: "depth",
      meta: { width: "60px", align: "right" },
    },
    {
      id: "lot_code",
      header: t("lots.field.lot_code"),
      cell: ({ row }) => <LotLink no={row.original.lot_code} />,
      meta: { width: "minmax(110px, 1fr)" },
    },
    {
      id: "via",
      header: t("lots.trace.via"),
      // A work order's link passes through it: "C-001 / WO-AMS1-000001".
      cell: ({ row }) =>
        row.original.work_order_no ? (
          <Text span size="sm" data-testid="trace-work-order" data-no={row.original.work_order_no}>
            {row.original.via} /{" "}
            <Link
              to="/work-orders/$workOrderNo"
              params={{ workOrderNo: row.original.work_order_no }}
            >
              {row.original.work_order_no}
            </Link>
          </Text>
        ) : (
          row.original.via
        ),
      meta: { width: "minmax(100px, 1fr)", clip: true },
    },
    {
      id: "qty",
      header: t("lots.field.qty"),
      cell: ({ row }) => formatQty(row.original.qty, row.original.unit, i18n.language),
      meta: { width: "90px", align: "right" },
    },
    {
      id: "kind",
      header: t("lots.trace.kind"),
      cell: ({ row }) => (row.original.kind ? t(`lots.link_kind.${row.original.kind}`) : ""),
      meta: { width: "90px" },
    },
    { id: "sku", header: t("lots.field.sku"), accessorKey: "sku", meta: { width: "110px" } },
    {
      id: "vendor",
      header: t("lots.field.vendor"),
      accessorKey: "vendor_code",
      meta: { width: "90px", clip: true },
    },
    {
      id: "status",
      header: t("lots.field.status"),
      cell: ({ row }) => <LotStatusBadge status={row.original.status} />,
      meta: { width: "120px" },
    },
    {
      id: "on_hand",
      header: t("lots.field.on_hand"),
      cell: ({ row }) => formatQty(row.original.on_hand, row.original.unit, i18n.language),
      meta: { width: "90px", align: "right" },
    },
    {
      id: "location",
      header: t("lots.field.location"),
      cell: ({ row }) => row.original.location ?? "",
      meta: { width: "80px" },
    },
    {
      id: "expiry",
      header: t("lots.field.expiry_date"),
      cell: ({ row }) => <ExpiryDate value={row.original.expiry_date} />,
      meta: { width: "110px" },
    },
  ];
  return (
    <VirtualTable
      rows={lots}
      total={lots.length}
      columns={columns}
      height="420px"
      empty={<Text c="dimmed">{t("lots.trace.no_lots")}</Text>}
      rowProps={(row) => ({ "data-testid": "trace-row", "data-lot": row.lot_code })}
    />
  );
}
