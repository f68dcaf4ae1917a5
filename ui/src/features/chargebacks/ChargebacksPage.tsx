import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  Paper,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconDownload } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { may, useSession } from "../../app/session";
import type { ChargebackListRow } from "../../backend/bindings/ChargebackListRow";
import { call, saveTextFile } from "../../backend/call";
import { errorMessage } from "../../errors/apiError";
import { formatDateTimeShort } from "../../format";
import { formatMoney } from "../../money";
import { isOpen, STATUS_COLOR } from "./chargeback";
import { SettleChargebackModal } from "./SettleChargebackModal";

function Reference({ row }: { row: ChargebackListRow }) {
  return row.source === "reshipment" ? (
    <Link to="/reshipments/$reshipmentNo" params={{ reshipmentNo: row.reference }}>
      {row.reference}
    </Link>
  ) : (
    <Link to="/failures/$failureNo" params={{ failureNo: row.reference }}>
      {row.reference}
    </Link>
  );
}

function ExportCsv() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    try {
      const out = await call("chargebacks_csv", {});
      const path = await saveTextFile(out.file_name, out.csv);
      if (path) notifications.show({ color: "teal", message: t("common.saved_to", { path }) });
    } catch (err) {
      notifications.show({ color: "red", message: errorMessage(t, err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      variant="default"
      leftSection={<IconDownload size={16} />}
      loading={busy}
      onClick={() => void save()}
      data-testid="chargebacks-csv"
    >
      {t("chargebacks.export")}
    </Button>
  );
}

/** Every chargeback to a vendor, from every source: open ones first. */
export function ChargebacksPage() {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const [settling, setSettling] = useState<ChargebackListRow | null>(null);
  const list = useQuery({ queryKey: ["chargebacks"], queryFn: () => call("list_chargebacks", {}) });
  const settles = may(session, "manage_chargeback");
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2} data-testid="page-title">
          {t("chargebacks.title")}
        </Title>
        <ExportCsv />
      </Group>
      {list.isPending && <Loader />}
      {list.isError && <Alert color="red">{errorMessage(t, list.error)}</Alert>}
      {list.data && list.data.length === 0 && (
        <Paper withBorder p="md" radius="md">
          <Text size="sm" c="dimmed" data-testid="chargebacks-empty">
            {t("chargebacks.empty")}
          </Text>
        </Paper>
      )}
      {list.data && list.data.length > 0 && (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={900}>
            <Table data-testid="chargebacks-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("chargebacks.field.source")}</Table.Th>
                  <Table.Th>{t("chargebacks.field.reference")}</Table.Th>
                  <Table.Th>{t("chargebacks.field.vendor")}</Table.Th>
                  <Table.Th ta="right">{t("chargebacks.field.amount")}</Table.Th>
                  <Table.Th ta="right">{t("chargebacks.field.recovered")}</Table.Th>
                  <Table.Th>{t("chargebacks.field.status")}</Table.Th>
                  <Table.Th>{t("chargebacks.field.recorded_at")}</Table.Th>
                  <Table.Th>{t("chargebacks.field.note")}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.map((row) => (
                  <Table.Tr
                    key={`${row.source}/${row.reference}`}
                    data-testid="chargeback-row"
                    data-source={row.source}
                    data-reference={row.reference}
                    data-status={row.status}
                  >
                    <Table.Td>{t(`chargebacks.source.${row.source}`)}</Table.Td>
                    <Table.Td>
                      <Reference row={row} />
                    </Table.Td>
                    <Table.Td>{row.vendor_code}</Table.Td>
                    <Table.Td ta="right">
                      {formatMoney(row.amount_minor, row.currency, i18n.language)}
                    </Table.Td>
                    <Table.Td ta="right">
                      {row.recovered_minor > 0
                        ? formatMoney(row.recovered_minor, row.currency, i18n.language)
                        : "—"}
                    </Table.Td>
                    <Table.Td>
                      <Badge color={STATUS_COLOR[row.status] ?? "gray"} variant="light">
                        {t(`chargebacks.status.${row.status}`, { defaultValue: row.status })}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{formatDateTimeShort(row.recorded_at, i18n.language)}</Table.Td>
                    <Table.Td maw={240}>
                      <Text size="sm" truncate>
                        {row.note}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {settles && row.source !== "reshipment" && isOpen(row.status) && (
                        <Button
                          size="xs"
                          variant="light"
                          onClick={() => setSettling(row)}
                          data-testid={`chargeback-settle-${row.reference}`}
                        >
                          {t("chargebacks.settle.button")}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      {settling && <SettleChargebackModal row={settling} onClose={() => setSettling(null)} />}
    </Stack>
  );
}
