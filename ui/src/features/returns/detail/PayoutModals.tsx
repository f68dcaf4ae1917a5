import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { call } from "../../../backend/call";
import { ActionModal, TextStepModal } from "../../../components/actions/ActionModal";
import { useRmaAction } from "../../../components/actions/useRecordAction";
import { formatMoney } from "../../../money";
import type { RmaDetail } from "../types";

type Props = { detail: RmaDetail; onClose: () => void };

function amountText(detail: RmaDetail, language: string): string {
  const total = detail.payout?.requirement.total_minor ?? 0;
  return formatMoney(total, detail.payout?.requirement.currency ?? detail.currency, language);
}

/** An approver approves the refund or credit asked for, for its amount, with an optional note. */
export function ApprovePayoutModal({ detail, onClose }: Props) {
  const { t, i18n } = useTranslation();
  return (
    <TextStepModal
      record="rma"
      run={(note) => call("approve_payout", { rma_no: detail.rma_no, comment: note })}
      field="note"
      onClose={onClose}
      title={t("returns.action.approve_payout")}
      intro={t("returns.payout.approve_text", { amount: amountText(detail, i18n.language) })}
      label={t("returns.action.comment")}
      textTestId="rma-approve-payout-note"
      submitTestId="rma-approve-payout-submit"
      submitLabel={t("returns.action.approve_payout")}
    />
  );
}

/** Pays out the approved refund or credit: the money leaves, so the step is confirmed. */
export function PayOutModal({ detail, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const { mutation } = useRmaAction(() => call("pay_out_rma", { rma_no: detail.rma_no }), onClose);
  return (
    <ActionModal
      title={t("returns.action.pay_out")}
      onClose={onClose}
      onSubmit={() => mutation.mutate(undefined)}
      pending={mutation.isPending}
      submitTestId="rma-pay-out-submit"
      submitLabel={t("returns.action.pay_out")}
    >
      <Text size="sm">
        {t("returns.payout.pay_text", {
          amount: amountText(detail, i18n.language),
          customer: detail.customer_name ?? detail.customer_code,
        })}
      </Text>
    </ActionModal>
  );
}
