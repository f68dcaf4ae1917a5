import { ActionIcon, Badge, Table, Text, Tooltip } from "@mantine/core";
import { IconEdit, IconPlus } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { call } from "../../backend/call";
import { HeadedTable } from "../../components/HeadedTable";
import { Note } from "../../components/Note";
import { SmallButton } from "../../components/SmallButton";
import { headings } from "../../components/TableHead";
import { ExportedSection } from "./ExportedSection";
import { safetyExport } from "./exports";
import { MinimumModal } from "./MinimumModal";
import { QueryView } from "./QueryView";
import { HeldStockCells, ReorderCell, SafetySkuCell } from "./SafetyStockCells";
import { useMayConfigureReviews } from "./useAdmin";

/** Watched SKUs' sellable stock against their minimum, those below it first. */
export function StockTab() {
  const { t } = useTranslation();
  const admin = useMayConfigureReviews();
  const [editing, setEditing] = useState<{
    sku: string;
    min_qty: number | null;
    max_qty?: number | null;
  } | null>(null);
  const rows = useQuery({
    queryKey: ["safety_stock_alerts"],
    queryFn: () => call("safety_stock_alerts", { below_only: false }),
  });
  return (
    <ExportedSection
      title={t("reports.stock.title")}
      note={t("reports.stock.note")}
      testId="safety-stock"
      actions={
        admin && (
          <SmallButton
            label={t("reports.stock.set")}
            icon={IconPlus}
            onClick={() => setEditing({ sku: "", min_qty: null })}
            testId="safety-set"
          />
        )
      }
      exportAs={
        rows.data && {
          name: "safety_stock",
          build: () => safetyExport(t, rows.data),
          testId: "export-safety",
        }
      }
    >
      <QueryView query={rows}>
        {(data) =>
          data.length === 0 ? (
            <Note>{t("reports.stock.empty")}</Note>
          ) : (
            <HeadedTable
              tableProps={{ striped: true, withTableBorder: true, fz: "sm" }}
              columns={[
                t("reports.col.sku"),
                ...headings(t, [
                  { right: "reports.stock.sellable" },
                  { right: "reports.stock.blocked" },
                  { right: "reports.stock.in_returns" },
                ]),
                {
                  label: (
                    <Tooltip label={t("replenish.coming_back_hint")}>
                      <span>{t("replenish.coming_back")}</span>
                    </Tooltip>
                  ),
                  right: true,
                },
                ...headings(t, [
                  { right: "reports.stock.minimum" },
                  { right: "replenish.maximum" },
                  "",
                  "replenish.reorder",
                  ...(admin ? [""] : []),
                ]),
              ]}
              items={data}
              row={(r) => (
                <Table.Tr
                  key={r.sku}
                  data-testid="safety-row"
                  data-sku={r.sku}
                  data-below={r.below_minimum}
                >
                  <SafetySkuCell row={r}>
                    <Text span size="sm" fw={600}>
                      {r.sku}
                    </Text>
                  </SafetySkuCell>
                  <Table.Td ta="right" fw={600}>
                    {r.sellable}
                  </Table.Td>
                  <HeldStockCells row={r} />
                  <Table.Td ta="right" data-testid="safety-coming-back">
                    {r.coming_back}
                  </Table.Td>
                  <Table.Td ta="right">{r.min_qty}</Table.Td>
                  <Table.Td ta="right">{r.max_qty ?? ""}</Table.Td>
                  <Table.Td>
                    {r.below_minimum && (
                      <Badge color="red" size="sm" data-testid="safety-below">
                        {t("reports.stock.below")}
                      </Badge>
                    )}
                  </Table.Td>
                  <ReorderCell row={r} testId="safety-reorder" />
                  {admin && (
                    <Table.Td w={40}>
                      <Tooltip label={t("reports.stock.set")}>
                        <ActionIcon
                          variant="subtle"
                          size="sm"
                          aria-label={t("reports.stock.set")}
                          onClick={() =>
                            setEditing({ sku: r.sku, min_qty: r.min_qty, max_qty: r.max_qty })
                          }
                        >
                          <IconEdit size={14} />
                        </ActionIcon>
                      </Tooltip>
                    </Table.Td>
                  )}
                </Table.Tr>
              )}
            />
          )
        }
      </QueryView>
      {editing && <MinimumModal initial={editing} onClose={() => setEditing(null)} />}
    </ExportedSection>
  );
}
