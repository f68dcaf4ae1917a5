import { Badge, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Settlement } from "../../../backend/bindings/Settlement";
import { ApprovalList } from "../../../components/approvals/ApprovalList";
import { requirementSentence } from "../../../components/approvals/requirement";
import { formatDateTime } from "../../../format";
import { formatMoney } from "../../../money";
import type { RmaDetail } from "../types";

/** What goes out to the customer: a refund less its fee, or the credit. */
function moneyOut(settlement: Settlement): number {
  if (settlement.kind === "refund")
    return settlement.amount_minor - settlement.restocking_fee_minor;
  if (settlement.kind === "store_credit") return settlement.amount_minor;
  return 0;
}

/**
 * The refund or store credit asked for: what it needs, who approved which amount, who may still
 * approve, and who paid it out. The duties themselves are the backend's: this only shows them.
 */
export function PayoutPanel({ detail }: { detail: RmaDetail }) {
  const { t, i18n } = useTranslation();
  const payout = detail.payout;
  if (!payout) return null;
  const money = (minor: number, currency = detail.currency) =>
    formatMoney(minor, currency, i18n.language);
  const sentence = requirementSentence(payout.requirement, i18n.language);
  const roles = (list: string[]) => list.map((r) => t(`role.${r}`)).join(", ");
  const state = payout.paid ? "paid" : payout.authorized ? "authorized" : "waiting";
  return (
    <Paper withBorder p="md" radius="md" data-testid="rma-payout">
      <Group justify="space-between" mb="sm">
        <Title order={5}>{t(`returns.payout.title_${payout.settlement.kind}`)}</Title>
        <Badge
          color={state === "paid" ? "teal" : state === "authorized" ? "blue" : "orange"}
          data-testid="rma-payout-state"
          data-state={state}
        >
          {t(`returns.payout.state.${state}`)}
        </Badge>
      </Group>
      <Stack gap="xs">
        <Text size="sm" data-testid="rma-payout-asked">
          {t("returns.payout.asked", {
            who: payout.requested_by_name ?? "—",
            amount: money(moneyOut(payout.settlement)),
            when: formatDateTime(payout.requested_at, i18n.language),
          })}
        </Text>
        <Text size="sm" data-testid="rma-payout-requirement">
          {t(sentence.key, sentence.params)}
        </Text>
        {!payout.paid && payout.approver_roles.length > 0 && (
          <Text size="sm" c="dimmed">
            {t("reshipment.approvals.who", { roles: roles(payout.approver_roles) })}
          </Text>
        )}
        {payout.approvals.length > 0 && (
          <ApprovalList approvals={payout.approvals} testId="rma-payout-approval" />
        )}
        {detail.paid_by_name && (
          <Text size="sm" data-testid="rma-payout-paid-by">
            {t("returns.payout.paid_by", { who: detail.paid_by_name })}
          </Text>
        )}
        {!payout.paid && (
          <Text size="xs" c="dimmed">
            {t("returns.payout.duties")}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
