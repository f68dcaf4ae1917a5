import { Text } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { TraceLot } from "../../../backend/bindings/TraceLot";
import { cellColumn } from "../../../components/cellColumn";
import { fieldColumn } from "../../../components/fieldColumn";
import { LotLink } from "../../../components/RecordLink";
import { type Column, VirtualTable } from "../../../components/VirtualTable";
import { formatQty } from "../dates";
import { stockColumns } from "../stockColumns";

/** Every traced lot, however many; the graph shows only the nearest. */
export function TraceTable({ lots }: { lots: TraceLot[] }) {
  const { t, i18n } = useTranslation();
  const stock = stockColumns<TraceLot>(t, i18n.language, { onHand: "90px", location: "80px" });
  const columns: Column<TraceLot>[] = [
    fieldColumn("depth", t("lots.trace.depth"), "depth", { width: "60px", align: "right" }),
    cellColumn("lot_code", t("lots.field.lot_code"), (lot) => <LotLink no={lot.lot_code} />, {
      width: "minmax(110px, 1fr)",
    }),
    // A work order's link passes through it: "C-001 / WO-AMS1-000001".
    cellColumn("via", t("lots.trace.via"), (lot) => <Via lot={lot} />, {
      width: "minmax(100px, 1fr)",
      clip: true,
    }),
    cellColumn("qty", t("lots.field.qty"), (lot) => formatQty(lot.qty, lot.unit, i18n.language), {
      width: "90px",
      align: "right",
    }),
    cellColumn(
      "kind",
      t("lots.trace.kind"),
      (lot) => (lot.kind ? t(`lots.link_kind.${lot.kind}`) : ""),
      {
        width: "90px",
      },
    ),
    fieldColumn("sku", t("lots.field.sku"), "sku", { width: "110px" }),
    fieldColumn("vendor", t("lots.field.vendor"), "vendor_code", { width: "90px", clip: true }),
    stock.status,
    stock.onHand,
    stock.location,
    stock.expiry,
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

function Via({ lot }: { lot: TraceLot }) {
  if (!lot.work_order_no) return lot.via;
  return (
    <Text span size="sm" data-testid="trace-work-order" data-no={lot.work_order_no}>
      {lot.via} /{" "}
      <Link to="/work-orders/$workOrderNo" params={{ workOrderNo: lot.work_order_no }}>
        {lot.work_order_no}
      </Link>
    </Text>
  );
}
