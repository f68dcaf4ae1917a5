import { Alert, Badge, Group, Loader, Paper, Stack, Table, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { call } from "../../backend/call";
import { HeadedTable } from "../../components/HeadedTable";
import { Note } from "../../components/Note";
import { LotLink } from "../../components/RecordLink";
import { errorMessage } from "../../errors/apiError";

/** Failure rate in percent with two decimals, from hundredths of a percent. */
export function percentOf(bps: number | null): string {
  return bps === null ? "—" : `${(bps / 100).toFixed(2)} %`;
}

/** Supplier quality per lot: the QC failures logged on each of the vendor's lots. */
export function VendorLotQuality({ vendorCode }: { vendorCode: string }) {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: ["vendor-lot-quality", vendorCode],
    queryFn: () => call("vendor_lot_quality", { vendor_code: vendorCode }),
  });
  if (query.isPending) return <Loader size="sm" />;
  if (query.isError) return <Alert color="red">{errorMessage(t, query.error)}</Alert>;
  const q = query.data;
  return (
    <Paper withBorder p="md" radius="md" mt="md" data-testid="vendor-lot-quality">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={5}>{t("masterdata.vendor_quality.title")}</Title>
          <Group gap="xs">
            <Badge variant="light" color={q.lots_with_failures > 0 ? "orange" : "teal"}>
              {t("masterdata.vendor_quality.lots_with_failures", {
                count: q.lots_with_failures,
                total: q.lots.length,
              })}
            </Badge>
            <Badge variant="light" data-testid="vendor-failure-rate">
              {t("masterdata.vendor_quality.rate", { rate: percentOf(q.failure_rate_bps) })}
            </Badge>
          </Group>
        </Group>
        {q.lots.length === 0 ? (
          <Note>{t("masterdata.vendor_quality.none")}</Note>
        ) : (
          <Table.ScrollContainer minWidth={520} mah={260}>
            <HeadedTable
              tableProps={{ striped: true, highlightOnHover: true, fz: "sm" }}
              columns={[
                t("masterdata.vendor_quality.lot"),
                t("masterdata.vendor_quality.supplier_lot"),
                "SKU",
                { label: t("masterdata.vendor_quality.failures"), right: true },
                { label: t("masterdata.vendor_quality.failed_of_inspected"), right: true },
                t("masterdata.vendor_quality.severity"),
              ]}
              items={q.lots}
              row={(l) => (
                <Table.Tr key={l.lot_code} data-testid="vendor-lot-row">
                  <Table.Td>
                    <LotLink no={l.lot_code} />
                  </Table.Td>
                  <Table.Td>{l.supplier_lot ?? "—"}</Table.Td>
                  <Table.Td>{l.sku}</Table.Td>
                  <Table.Td ta="right">{l.failures}</Table.Td>
                  <Table.Td ta="right">
                    {l.qty_inspected > 0 ? `${l.qty_failed} / ${l.qty_inspected}` : "—"}
                  </Table.Td>
                  <Table.Td>
                    {l.failures > 0
                      ? t("masterdata.vendor_quality.severities", {
                          critical: l.critical,
                          major: l.major,
                          minor: l.minor,
                        })
                      : "—"}
                  </Table.Td>
                </Table.Tr>
              )}
            />
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}
