import { Tooltip } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
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
import { StockRow } from "./StockRow";
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
              row={(r) => <StockRow key={r.sku} row={r} admin={admin} onEdit={setEditing} />}
            />
          )
        }
      </QueryView>
      {editing && <MinimumModal initial={editing} onClose={() => setEditing(null)} />}
    </ExportedSection>
  );
}
