import { Alert, Stack, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { call } from "../../../backend/call";
import { ActionModal } from "../../../components/actions/ActionModal";
import { useRmaAction } from "../../../components/actions/useRecordAction";
import { formatDateTimeShort } from "../../../format";
import { formatMoney, fromMinor, readAmount } from "../../../money";
import type { RmaDetail } from "../types";

/**
 * Store credit ahead of the goods: the policy promises it within hours of approval, so finance
 * issues it while the parcel is still on its way; the return settles as this credit later.
 */
export function CreditModal({ detail, onClose }: { detail: RmaDetail; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const [amount, setAmount] = useState(() => fromMinor(detail.value_minor, detail.currency));
  const [local, setLocal] = useState<string | null>(null);
  const { mutation, errors } = useRmaAction(
    (amount_minor: number) => call("issue_store_credit", { rma_no: detail.rma_no, amount_minor }),
    onClose,
    (f) => f === "amount_minor",
  );
  const money = (minor: number) => formatMoney(minor, detail.currency, i18n.language);
  return (
    <ActionModal
      title={t("returns.credit.title")}
      onClose={onClose}
      onSubmit={() => {
        const read = readAmount(t, amount, detail.currency);
        if (!read.ok) setLocal(read.error);
        else {
          setLocal(null);
          mutation.mutate(read.minor);
        }
      }}
      pending={mutation.isPending}
      submitTestId="rma-credit-submit"
      submitLabel={t("returns.action.issue_credit")}
    >
      <Stack gap="sm">
        {detail.sla_step === "credit" && detail.due_at && (
          <Alert color={detail.sla === "overdue" ? "red" : "blue"} data-testid="rma-credit-due">
            {t("returns.credit.promise", {
              due: formatDateTimeShort(detail.due_at, i18n.language),
            })}
          </Alert>
        )}
        <TextInput
          label={t("returns.credit.amount", { currency: detail.currency })}
          description={t("returns.credit.hint", { value: money(detail.value_minor) })}
          inputMode="decimal"
          value={amount}
          onChange={(e) => setAmount(e.currentTarget.value)}
          error={errors.amount_minor ?? local}
          data-testid="rma-credit-amount"
        />
        <Text size="sm" c="dimmed">
          {detail.customer_name ?? detail.customer_code}
        </Text>
      </Stack>
    </ActionModal>
  );
}
