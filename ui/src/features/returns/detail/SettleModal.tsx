import { Alert, SegmentedControl, Stack, Table, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Settlement } from "../../../backend/bindings/Settlement";
import { call } from "../../../backend/call";
import { ActionModal } from "../../../components/actions/ActionModal";
import { useRmaAction } from "../../../components/actions/useRecordAction";
import { formatMoney, moneyParams, toMinor } from "../../../money";
import { type SettleForm, settleDefaults, toSettlement } from "../stepForms";
import { OUTCOMES, type PreferredOutcome, type RmaDetail } from "../types";

type Props = { detail: RmaDetail; onClose: () => void };

/** The settlement fields the backend names (the exchange's reshipment is checked by the act). */
const SETTLE_FIELDS = ["amount_minor", "restocking_fee_minor", "settlement.reshipment_no"];

export function SettleModal({ detail, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const [form, setForm] = useState<SettleForm>(() => settleDefaults(detail));
  const [local, setLocal] = useState<Record<string, string>>({});
  const { mutation, errors } = useRmaAction(
    (settlement: Settlement) => call("settle_rma", { rma_no: detail.rma_no, settlement }),
    onClose,
    (f) => SETTLE_FIELDS.includes(f),
  );
  const money = (minor: number) => formatMoney(minor, detail.currency, i18n.language);
  const err = (field: string) =>
    errors[field] ?? (local[field] ? t(local[field], moneyParams(detail.currency)) : undefined);
  const refund = toMinor(form.refund, detail.currency);
  const fee = form.fee.trim() === "" ? 0 : toMinor(form.fee, detail.currency);
  const set = (patch: Partial<SettleForm>) => setForm((f) => ({ ...f, ...patch }));
  /** An amount typed in the return's currency, which its label names. */
  const amountInput = (key: "fee" | "refund" | "credit", label: string) => ({
    label: t(label, { currency: detail.currency }),
    inputMode: "decimal" as const,
    value: form[key],
    onChange: (e: { currentTarget: { value: string } }) => set({ [key]: e.currentTarget.value }),
  });
  return (
    <ActionModal
      title={t("returns.action.settle")}
      onClose={onClose}
      onSubmit={() => {
        const out = toSettlement(form, detail.currency);
        if ("errors" in out) setLocal(out.errors);
        else {
          setLocal({});
          mutation.mutate(out.settlement);
        }
      }}
      pending={mutation.isPending}
      submitTestId="rma-settle-submit"
      submitLabel={t("returns.action.settle")}
    >
      <Stack gap="sm">
        {detail.credit_issued_minor !== null ? (
          <Alert color="blue" data-testid="rma-settle-issued-credit">
            {t("returns.credit.settles_as", { amount: money(detail.credit_issued_minor) })}
          </Alert>
        ) : (
          <SegmentedControl
            value={form.kind}
            onChange={(v) => set({ kind: v as PreferredOutcome })}
            data={OUTCOMES.map((o) => ({ value: o, label: t(`returns.outcome.${o}`) }))}
            data-testid="rma-settle-kind"
          />
        )}
        <Text size="sm" c="dimmed">
          {t("returns.settle.paid", { amount: money(detail.paid_for_received_minor) })}
        </Text>
        {form.kind === "refund" && (
          <>
            <TextInput
              {...amountInput("fee", "returns.settle.fee")}
              description={t("returns.settle.fee_hint", {
                amount: money(detail.policy_fee_minor),
              })}
              error={err("restocking_fee_minor")}
              data-testid="rma-settle-fee"
            />
            <TextInput
              {...amountInput("refund", "returns.settle.refund")}
              error={err("amount_minor")}
              data-testid="rma-settle-amount"
            />
            {detail.line_fees.length > 1 && (
              <Text size="sm" c="dimmed" data-testid="rma-settle-fee-lines">
                {t("returns.settle.fee_lines")}:{" "}
                {detail.line_fees
                  .filter((l) => l.qty > 0)
                  .map(
                    (l) =>
                      `${detail.opening.lines[l.line_index]?.sku ?? ""} ${money(l.fee_minor)} (${t(
                        `returns.fee_reason.${l.reason}`,
                        { count: l.qty - l.resold_as_new },
                      )})`,
                  )
                  .join(" · ")}
              </Text>
            )}
            {refund !== null && fee !== null && (
              <Table data-testid="rma-settle-summary">
                <Table.Tbody>
                  <Table.Tr>
                    <Table.Td>{t("returns.settle.refund_line")}</Table.Td>
                    <Table.Td ta="right">{money(refund)}</Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Td>{t("returns.settle.fee_line")}</Table.Td>
                    <Table.Td ta="right">− {money(fee)}</Table.Td>
                  </Table.Tr>
                  <Table.Tr fw={700}>
                    <Table.Td>{t("returns.settle.to_customer_line")}</Table.Td>
                    <Table.Td ta="right" data-testid="rma-settle-to-customer">
                      {money(refund - fee)}
                    </Table.Td>
                  </Table.Tr>
                </Table.Tbody>
              </Table>
            )}
          </>
        )}
        {form.kind === "store_credit" && detail.credit_issued_minor === null && (
          <TextInput
            {...amountInput("credit", "returns.settle.credit")}
            error={err("amount_minor")}
            data-testid="rma-settle-amount"
          />
        )}
        {form.kind === "exchange" && (
          <TextInput
            label={t("returns.settle.reshipment_no")}
            description={t("returns.settle.reshipment_hint")}
            value={form.reshipmentNo}
            onChange={(e) => set({ reshipmentNo: e.currentTarget.value })}
            error={err("settlement.reshipment_no")}
            required
            data-testid="rma-settle-reshipment"
          />
        )}
        {errors.settlement && (
          <Text c="red" size="sm">
            {errors.settlement}
          </Text>
        )}
      </Stack>
    </ActionModal>
  );
}
