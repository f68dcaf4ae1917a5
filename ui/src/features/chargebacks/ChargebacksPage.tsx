import { Badge, Button, Group, Stack, Table, Text } from "@mantine/core";
import { IconDownload } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { may, useSession } from "../../app/session";
import type { ChargebackListRow } from "../../backend/bindings/ChargebackListRow";
import { call } from "../../backend/call";
import { FileSaveButton, saveMade } from "../../components/FileSaveButton";
import { FilterChip } from "../../components/FilterChip";
import { PageHeader } from "../../components/page/PageHeader";
import { ShortList } from "../../components/page/ShortList";
import { formatDateTimeShort, formatDaySpan } from "../../format";
import { formatMoney } from "../../money";
import { addDays } from "../reports/period";
import { type ChargebackSearch, isOpen, listInputOf, STATUS_COLOR } from "./chargeback";
import { SettleChargebackModal } from "./SettleChargebackModal";

/** The record a claim is on; a unit sent back from the refurbishment queue names its serials. */
function Reference({ row }: { row: ChargebackListRow }) {
  const { t } = useTranslation();
  if (row.source === "refurbishment") {
    return (
      <>
        <Link to="/returns/$rmaNo" params={{ rmaNo: row.reference }}>
          {row.reference}
        </Link>
        {row.serials.length > 0 && (
          <Text size="xs" c="dimmed" data-testid="chargeback-serials">
            {t("chargebacks.serials", { serials: row.serials.join(", ") })}
          </Text>
        )}
      </>
    );
  }
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

/**
 * Every chargeback to a vendor, from every source: open ones first. `search` comes from the URL
 * (a review's "recovered" figure); each of its filters shows as a chip that removes it.
 */
export function ChargebacksPage({
  search = {},
  onClear,
}: {
  search?: ChargebackSearch;
  onClear?: (keys: (keyof ChargebackSearch)[]) => void;
} = {}) {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const [settling, setSettling] = useState<ChargebackListRow | null>(null);
  const input = listInputOf(search);
  const list = useQuery({
    queryKey: ["chargebacks", input],
    queryFn: () => call("list_chargebacks", input),
  });
  const settles = may(session, "manage_chargeback");
  const recovered = search.recovered_from || search.recovered_to;
  const recoveredLabel = t("chargebacks.filter.recovered", {
    // The URL's end is the first day left out; people read the last day included.
    days: formatDaySpan(
      search.recovered_from ?? null,
      search.recovered_to ? addDays(search.recovered_to, -1) : null,
      i18n.language,
    ),
  });
  const vendorLabel = t("chargebacks.filter.vendor", { vendor: search.vendor });
  const filtered = Boolean(recovered || search.vendor);
  return (
    <Stack gap="md">
      <PageHeader title={t("chargebacks.title")}>
        <FileSaveButton
          size="sm"
          icon={<IconDownload size={16} />}
          write={() => call("chargebacks_csv", input).then(saveMade)}
          label={t("chargebacks.export")}
          testId="chargebacks-csv"
        />
      </PageHeader>
      {filtered && (
        <Group gap="xs">
          {recovered && (
            <FilterChip
              label={recoveredLabel}
              removeLabel={t("chargebacks.filter.remove", { filter: recoveredLabel })}
              onRemove={() => onClear?.(["recovered_from", "recovered_to"])}
              testId="chargebacks-filter-recovered"
            />
          )}
          {search.vendor && (
            <FilterChip
              label={vendorLabel}
              removeLabel={t("chargebacks.filter.remove", { filter: vendorLabel })}
              onRemove={() => onClear?.(["vendor"])}
              testId="chargebacks-filter-vendor"
            />
          )}
        </Group>
      )}
      <ShortList
        query={list}
        empty={filtered ? t("chargebacks.empty_filtered") : t("chargebacks.empty")}
        emptyTestId="chargebacks-empty"
        testId="chargebacks-table"
        columns={[
          t("chargebacks.field.source"),
          t("chargebacks.field.reference"),
          t("chargebacks.field.vendor"),
          { label: t("chargebacks.field.amount"), right: true },
          { label: t("chargebacks.field.recovered"), right: true },
          t("chargebacks.field.status"),
          t("chargebacks.field.recorded_at"),
          t("chargebacks.field.note"),
          "",
        ]}
        rows={(data) =>
          data.map((row) => (
            <Table.Tr
              key={`${row.source}/${row.reference}/${row.claim_no ?? ""}`}
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
                    data-testid={`chargeback-settle-${row.reference}${row.claim_no ? `-${row.claim_no}` : ""}`}
                  >
                    {t("chargebacks.settle.button")}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))
        }
      />
      {settling && <SettleChargebackModal row={settling} onClose={() => setSettling(null)} />}
    </Stack>
  );
}
