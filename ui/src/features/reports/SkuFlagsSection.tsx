import { Badge, Switch, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { SkuFlag } from "../../backend/bindings/SkuFlag";
import { CountLink } from "./CountLink";
import { ExportedSection } from "./ExportedSection";
import { skuFlagsExport } from "./exports";
import { addDays, type Period } from "./period";
import { QueryView } from "./QueryView";
import { ReportTable } from "./ReportTable";
import { formatBps, formatCount } from "./units";
import { useOpenFailures } from "./useOpenFailures";
import { usePeriodReport } from "./usePeriodReport";

const FLAG_COLOR: Record<SkuFlag, string> = { review: "red", ok: "teal", no_orders: "gray" };

/** SKUs whose conformity problems pass 2% of their orders: to raise with product and tech. */
export function SkuFlagsSection({ period }: { period: Period }) {
  const { t, i18n } = useTranslation();
  const openFailures = useOpenFailures();
  const [all, setAll] = useState(false);
  const flags = usePeriodReport("sku_flags", period);
  const threshold = formatBps(flags.data?.threshold_bps ?? 200, i18n.language);
  return (
    <ExportedSection
      title={t("reports.flags.title")}
      note={t("reports.flags.note", { threshold })}
      testId="sku-flags"
      actions={
        <>
          {flags.data && flags.data.flagged_skus > 0 && (
            <Badge color="red" variant="light" tt="none" data-testid="sku-flags-count">
              {t("reports.flags.to_review", {
                count: flags.data.flagged_skus,
                n: formatCount(flags.data.flagged_skus, i18n.language),
              })}
            </Badge>
          )}
          <Switch
            size="xs"
            label={t("reports.flags.show_all")}
            checked={all}
            onChange={(e) => setAll(e.currentTarget.checked)}
          />
        </>
      }
      exportAs={
        flags.data && {
          name: `sku_flags_${period.from}_${period.to}`,
          build: () => skuFlagsExport(t, flags.data, i18n.language),
          testId: "export-sku-flags",
        }
      }
    >
      <QueryView query={flags}>
        {(data) => {
          const rows = all ? data.skus : data.skus.filter((s) => s.flag === "review");
          // The reply lists only the worst SKUs; say so when the table is not all there is.
          const total = all ? data.total_skus : data.flagged_skus;
          return (
            <>
              <ReportTable
                columns={[
                  "reports.col.sku",
                  { right: "reports.flags.orders" },
                  { right: "reports.flags.problems" },
                  { right: "reports.flags.rate" },
                  "reports.flags.flag",
                ]}
                items={rows}
                empty={t("reports.flags.none")}
                row={(s) => (
                  <Table.Tr key={s.sku} data-testid="sku-flag-row" data-sku={s.sku}>
                    <Table.Td>
                      <CountLink
                        onOpen={() =>
                          openFailures({
                            from: period.from,
                            to: addDays(period.to, 1),
                            category_codes: [],
                            vendor_code: null,
                            sku: s.sku,
                          })
                        }
                      >
                        {s.sku}
                      </CountLink>
                    </Table.Td>
                    <Table.Td ta="right">{s.orders}</Table.Td>
                    <Table.Td ta="right">{s.problems}</Table.Td>
                    <Table.Td ta="right">{formatBps(s.rate_bps, i18n.language)}</Table.Td>
                    <Table.Td>
                      <Badge size="sm" color={FLAG_COLOR[s.flag]} variant="light">
                        {t(`reports.flags.state.${s.flag}`)}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                )}
              />
              {total > rows.length && (
                <Text c="dimmed" size="xs" data-testid="sku-flags-listed">
                  {t("reports.flags.listed", {
                    listed: formatCount(rows.length, i18n.language),
                    total: formatCount(total, i18n.language),
                  })}
                </Text>
              )}
            </>
          );
        }}
      </QueryView>
    </ExportedSection>
  );
}
