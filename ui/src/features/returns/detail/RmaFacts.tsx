import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { useSession } from "../../../app/session";
import { AtFact, ByFact, Fact } from "../../../components/Fact";
import { FailureLink } from "../../../components/RecordLink";
import { formatDateTime } from "../../../format";
import { formatMoney } from "../../../money";
import { channelName } from "../../channels/channels";
import { SlaCell } from "../badges";
import type { RmaDetail } from "../types";
import { reasonName } from "../verdict";

/** Order numbers and SKUs are codes: they stay on one line rather than breaking at a hyphen. */
const NOWRAP = { whiteSpace: "nowrap" } as const;

/** What someone wrote with a step, quoted under its facts; nothing when they wrote nothing. */
function Quote({ text }: { text: string | null | undefined }) {
  return text ? (
    <Text size="sm" fs="italic" mt="sm">
      “{text}”
    </Text>
  ) : null;
}

export function RmaFacts({ detail }: { detail: RmaDetail }) {
  // A failure found in the returned goods is logged while they are at intake.
  const atIntake = detail.status === "received" || detail.status === "inspected";
  const { t, i18n } = useTranslation();
  const money = (minor: number) => formatMoney(minor, detail.currency, i18n.language);
  // Recorded costs are in the installation's currency, which the return's need not be.
  const settingsCurrency = useSession().session.settings.currency;
  const yes = (v: boolean) => t(v ? "returns.yes" : "returns.no");
  return (
    <Stack gap="md">
      <Paper withBorder p="md" radius="md">
        <SimpleGrid cols={{ base: 2, md: 3 }} spacing="md" verticalSpacing="sm">
          <Fact label={t("returns.field.customer")} testId="rma-customer">
            {detail.customer_name ?? detail.customer_code}
            <Text size="xs" c="dimmed">
              {detail.customer_code}
            </Text>
          </Fact>
          <Fact label={t("returns.field.orders")} testId="rma-orders">
            <Group gap="xs">
              {detail.order_nos.map((no) => (
                <Anchor key={no} size="sm" href={`#/orders?text=${encodeURIComponent(no)}`}>
                  {no}
                </Anchor>
              ))}
            </Group>
          </Fact>
          <Fact label={t("returns.field.reason")} testId="rma-reason">
            {reasonName(t, detail.reason_code)}
          </Fact>
          <Fact label={t("channel.label")} testId="rma-channel">
            {channelName(t, detail.channel)}
          </Fact>
          <Fact label={t("returns.field.preferred_outcome")} testId="rma-preferred">
            {t(`returns.outcome.${detail.preferred_outcome}`, {
              defaultValue: detail.preferred_outcome,
            })}
          </Fact>
          <Fact label={t("returns.field.value")} testId="rma-value">
            {money(detail.value_minor)}
          </Fact>
          <Fact label={t("returns.field.policy_version")} testId="rma-policy-version">
            {String(detail.policy_version)}
          </Fact>
          <ByFact
            label={t("returns.field.opened_by")}
            name={detail.opened_by_name}
            at={detail.opened_at}
          />
          <AtFact label={t("returns.field.decided_at")} at={detail.decided_at} />
          <Fact label={t("returns.field.next_step")}>
            <SlaCell row={detail} wrap />
          </Fact>
          <Fact label={t("returns.field.tracking_no")} testId="rma-tracking">
            {detail.tracking_no}
          </Fact>
          <Fact label={t("returns.field.labels")} testId="rma-labels-printed">
            {t("returns.detail.labels_printed", { count: detail.labels_printed })}
            {detail.label_failures > 0 && (
              <Text size="xs" c="red">
                {t("returns.detail.label_failures", { count: detail.label_failures })}
              </Text>
            )}
          </Fact>
          <Fact label={t("returns.field.received_at")}>
            {detail.received_at ? formatDateTime(detail.received_at, i18n.language) : null}
          </Fact>
          {detail.credit_issued_minor !== null && (
            <Fact label={t("returns.outcome.store_credit")} testId="rma-credit-issued">
              {t("returns.credit.issued", { amount: money(detail.credit_issued_minor) })}
              <Text size="xs" c="dimmed">
                {formatDateTime(detail.credit_issued_at, i18n.language)}
              </Text>
              {detail.credit_above_received_minor > 0 && (
                <Text size="xs" c="red" data-testid="rma-credit-above-received">
                  {t("returns.credit.above_received", {
                    amount: money(detail.credit_above_received_minor),
                  })}
                </Text>
              )}
            </Fact>
          )}
          {detail.settled_minor !== null && (
            <Fact label={t("returns.field.settled")} testId="rma-settled">
              {t(`returns.outcome.${detail.settlement_kind ?? ""}`, {
                defaultValue: detail.settlement_kind ?? "",
              })}{" "}
              · {money(detail.settled_minor)}
              {detail.restocking_fee_minor !== null && detail.restocking_fee_minor > 0 && (
                <Text size="xs" c="dimmed">
                  {t("returns.detail.fee_charged", { amount: money(detail.restocking_fee_minor) })}
                </Text>
              )}
            </Fact>
          )}
          {detail.recorded_cost_minor > 0 && (
            <Fact label={t("returns.cost.recorded")} testId="rma-recorded-cost">
              {formatMoney(detail.recorded_cost_minor, settingsCurrency, i18n.language)}
            </Fact>
          )}
          {detail.settlement?.kind === "exchange" && (
            <Fact label={t("returns.settle.reshipment_no")}>
              <Anchor size="sm" href={`#/reshipments/${detail.settlement.reshipment_no}`}>
                {detail.settlement.reshipment_no}
              </Anchor>
            </Fact>
          )}
        </SimpleGrid>
        <Quote text={detail.opening.note} />
      </Paper>
      {detail.intake && (
        <Paper withBorder p="md" radius="md" data-testid="rma-intake">
          <Title order={5} mb="sm">
            {t("returns.detail.intake")}
          </Title>
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            <Fact label={t("returns.intake.packaging_intact")}>
              {yes(detail.intake.packaging_intact)}
            </Fact>
            <Fact label={t("returns.intake.accessories_complete")}>
              {yes(detail.intake.accessories_complete)}
            </Fact>
            <Fact label={t("returns.intake.serials_match")}>
              {yes(detail.intake.serials_match)}
            </Fact>
            <Fact label={t("returns.intake.grade")}>
              {t(`returns.grade.${detail.intake.grade}`)}
            </Fact>
            <Fact label={t("returns.intake.photos")}>{detail.intake.photo_ids.length}</Fact>
          </SimpleGrid>
          {(detail.intake.units ?? []).length > 0 && (
            <Text size="sm" mt="sm" data-testid="rma-unit-grades">
              {t("returns.units.graded")}:{" "}
              {detail.opening.lines
                .map((line, i) => {
                  const units = (detail.intake?.units ?? []).filter((u) => u.line_index === i);
                  if (units.length === 0) return null;
                  const told = units
                    .map((u) => (u.serial ? `${u.serial} ${u.grade}` : u.grade))
                    .join(", ");
                  return `${line.sku}: ${told}`;
                })
                .filter((x) => x !== null)
                .join(" · ")}
            </Text>
          )}
          <Quote text={detail.intake.note} />
        </Paper>
      )}
      <Paper withBorder p="md" radius="md">
        <Title order={5} mb="sm">
          {t("returns.detail.lines")}
        </Title>
        {/* Wider than the card in Dutch: the table scrolls inside it rather than spilling out. */}
        <Table.ScrollContainer minWidth={0} type="native">
          <Table striped data-testid="rma-lines">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("returns.field.order_no")}</Table.Th>
                <Table.Th>{t("returns.field.sku")}</Table.Th>
                <Table.Th ta="right">{t("returns.field.qty")}</Table.Th>
                <Table.Th ta="right">{t("returns.field.received")}</Table.Th>
                <Table.Th>{t("returns.field.disposition")}</Table.Th>
                <Table.Th>{t("returns.field.serials")}</Table.Th>
                {atIntake && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {detail.opening.lines.map((line, i) => (
                <Table.Tr
                  key={`${line.order_no}-${line.line_no}`}
                  data-testid="rma-line"
                  data-sku={line.sku}
                >
                  <Table.Td style={NOWRAP}>
                    {line.order_no} / {line.line_no}
                  </Table.Td>
                  <Table.Td style={NOWRAP}>{line.sku}</Table.Td>
                  <Table.Td ta="right">{line.qty}</Table.Td>
                  <Table.Td ta="right" data-testid={`rma-line-received-${i}`}>
                    {detail.received_at ? (detail.qty_received[i] ?? 0) : "—"}
                  </Table.Td>
                  <Table.Td data-testid={`rma-line-disposition-${i}`}>
                    {detail.dispositions
                      .filter((d) => d.line_index === i)
                      .map(
                        (d) =>
                          `${d.qty} × ${t(`returns.disposition.${d.disposition}`)}${
                            d.grade ? ` [${d.grade}]` : ""
                          }${d.location ? ` → ${d.location}` : ""}${
                            detail.b_stock &&
                            (d.disposition === "refurbish" || d.disposition === "resell_open_box")
                              ? ` (${t("returns.units.b_stock")})`
                              : ""
                          }${d.recovered_minor > 0 ? ` (${money(d.recovered_minor)})` : ""}`,
                      )
                      .join("; ") || "—"}
                    {(detail.awaiting_refurbishment[i] ?? 0) > 0 && (
                      <Text size="xs" c="orange" data-testid={`rma-line-awaiting-${i}`}>
                        <Link to="/returns/refurbishment">
                          {t("returns.units.awaiting", {
                            count: detail.awaiting_refurbishment[i] ?? 0,
                          })}
                        </Link>
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{line.serials.join(", ") || "—"}</Table.Td>
                  {atIntake && (
                    <Table.Td>
                      <Button
                        size="compact-xs"
                        variant="light"
                        color="red"
                        leftSection={<IconAlertTriangle size={12} />}
                        renderRoot={(props) => (
                          <Link
                            {...props}
                            to="/failures/new"
                            search={{ rma_no: detail.rma_no, sku: line.sku }}
                          />
                        )}
                        data-testid={`rma-log-failure-${i}`}
                      >
                        {t("returns.detail.log_failure")}
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {(atIntake || detail.replacement_nos.length > 0) && (
          <Group gap="xs" mt="sm" data-testid="rma-replacements">
            <Text size="sm">{t("returns.detail.replacements")}</Text>
            {detail.replacement_nos.map((no) => (
              <Anchor
                key={no}
                size="sm"
                renderRoot={(props) => (
                  <Link {...props} to="/reshipments/$reshipmentNo" params={{ reshipmentNo: no }} />
                )}
              >
                {no}
              </Anchor>
            ))}
            {detail.replacement_nos.length === 0 && (
              <Text size="sm" c="dimmed">
                —
              </Text>
            )}
            {atIntake && (
              <Button
                size="compact-xs"
                variant="light"
                renderRoot={(props) => (
                  <Link {...props} to="/reshipments/new" search={{ rma: detail.rma_no }} />
                )}
                data-testid="rma-request-replacement"
              >
                {t("returns.detail.request_replacement")}
              </Button>
            )}
          </Group>
        )}
        {detail.failure_nos.length > 0 && (
          <Group gap="xs" mt="sm" data-testid="rma-failures">
            <Text size="sm">{t("returns.detail.failures_found")}</Text>
            {detail.failure_nos.map((no) => (
              <FailureLink key={no} no={no} />
            ))}
          </Group>
        )}
      </Paper>
    </Stack>
  );
}
