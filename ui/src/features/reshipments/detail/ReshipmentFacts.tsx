import { Anchor, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { AtFact, ByFact, Fact, FactGrid } from "../../../components/Fact";
import { FailureLink } from "../../../components/RecordLink";
import { TableHead } from "../../../components/TableHead";
import { formatMoney } from "../../../money";
import { SlaBadge } from "../badges";
import type { ReshipmentDetail } from "../types";

export function ReshipmentFacts({ detail }: { detail: ReshipmentDetail }) {
  const { t, i18n } = useTranslation();
  const r = detail.request;
  const money = (minor: number) => formatMoney(minor, r.cost.currency, i18n.language);
  return (
    <Stack gap="md">
      <FactGrid>
        <Fact label={t("reshipment.field.order_no")}>
          {detail.order_no}
          <Text size="xs" c="dimmed">
            {detail.customer_name}
          </Text>
        </Fact>
        <Fact label={t("reshipment.field.failures")}>
          <Group gap="xs">
            {detail.failure_nos.map((no) => (
              <FailureLink key={no} no={no} testId="rs-failure-link" />
            ))}
            {detail.rma_no && (
              <Anchor
                size="sm"
                renderRoot={(props) => (
                  <Link {...props} to="/returns/$rmaNo" params={{ rmaNo: detail.rma_no ?? "" }} />
                )}
                data-testid="rs-rma-link"
              >
                {t("reshipment.form.exchange_reason", { rma: detail.rma_no })}
              </Anchor>
            )}
          </Group>
        </Fact>
        <Fact label={t("reshipment.field.ship_to")}>
          {r.ship_to.name}
          <Text size="xs" c="dimmed" style={{ whiteSpace: "pre-line" }}>
            {r.ship_to.address} · {r.ship_to.country}
          </Text>
          {r.ship_to_reason && (
            <Text size="xs" fs="italic">
              {r.ship_to_reason}
            </Text>
          )}
        </Fact>
        <Fact label={t("reshipment.field.carrier")}>
          {t(`reshipment.carrier.${detail.carrier}`, { defaultValue: detail.carrier })}
          {detail.service ? ` · ${detail.service}` : ""}
        </Fact>
        <Fact label={t("reshipment.field.tracking_no")}>
          <span data-testid="rs-tracking">{detail.tracking_no}</span>
        </Fact>
        <Fact label={t("reshipment.field.due_on")}>
          <SlaBadge sla={detail.sla} dueOn={detail.due_on} wrap />
        </Fact>
        <ByFact
          label={t("reshipment.field.requested_by")}
          name={detail.requested_by_name}
          at={detail.requested_at}
        />
        <AtFact label={t("reshipment.field.authorized_at")} at={detail.authorized_at} />
        <Fact label={t("reshipment.field.shipped_on")}>{detail.shipped_on}</Fact>
        <Fact label={t("reshipment.field.delivered_on")}>{detail.delivered_on}</Fact>
        <Fact label={t("reshipment.field.payer")}>
          {t(`reshipment.payer.${r.payer}`)}
          {r.vendor_code ? ` · ${r.vendor_code}` : ""}
        </Fact>
        <Fact label={t("reshipment.field.reason")}>{r.reason}</Fact>
      </FactGrid>
      <Paper withBorder p="md" radius="md">
        <Title order={5} mb="sm">
          {t("reshipment.field.items")}
        </Title>
        <Table striped data-testid="rs-items">
          <TableHead
            columns={[
              t("reshipment.field.line_no"),
              t("reshipment.field.sku"),
              { label: t("reshipment.field.qty"), right: true },
              t("reshipment.field.lot_code"),
              t("reshipment.field.serials"),
            ]}
          />
          <Table.Tbody>
            {r.items.map((item) => (
              <Table.Tr key={item.line_no}>
                <Table.Td>{item.line_no}</Table.Td>
                <Table.Td>{item.sku}</Table.Td>
                <Table.Td ta="right">{item.qty}</Table.Td>
                <Table.Td>{item.lot_code ?? "—"}</Table.Td>
                <Table.Td>{item.serials.join(", ") || "—"}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <SimpleGrid cols={3} mt="md">
          <Fact label={t("reshipment.field.shipping_cost")}>{money(r.cost.shipping_minor)}</Fact>
          <Fact label={t("reshipment.field.goods_cost")}>{money(r.cost.goods_minor)}</Fact>
          <Fact label={t("reshipment.field.total")}>
            <Text fw={700} size="sm" data-testid="rs-total">
              {money(detail.total_minor)}
            </Text>
          </Fact>
        </SimpleGrid>
      </Paper>
    </Stack>
  );
}
