import { Button, Group, Modal, Stack, Text, Textarea } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { call } from "../../../backend/call";
import { formatMoney } from "../../../money";
import type { RmaDetail } from "../types";
import { useRmaAction } from "./useRmaAction";

type Props = { detail: RmaDetail; onClose: () => void };

function amountText(detail: RmaDetail, language: string): string {
  const total = detail.payout?.requirement.total_minor ?? 0;
  return formatMoney(total, detail.payout?.requirement.currency ?? detail.currency, language);
}

/** An approver approves the refund or credit asked for, for its amount, with an optional note. */
export function ApprovePayoutModal({ detail, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const [note, setNote] = useState("");
  const { mutation, errors } = useRmaAction(
    () => call("approve_payout", { rma_no: detail.rma_no, comment: note }),
    onClose,
    (f) => f === "note",
  );
  return (
    <Modal opened onClose={onClose} title={t("returns.action.approve_payout")}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          mutation.mutate(undefined);
        }}
      >
        <Stack gap="sm">
          <Text size="sm">
            {t("returns.payout.approve_text", { amount: amountText(detail, i18n.language) })}
          </Text>
          <Textarea
            label={t("returns.action.comment")}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={errors.note}
            data-testid="rma-approve-payout-note"
          />
        </Stack>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button
            type="submit"
            loading={mutation.isPending}
            data-testid="rma-approve-payout-submit"
          >
            {t("returns.action.approve_payout")}
          </Button>
        </Group>
      </form>
    </Modal>
  );
}

/** Pays out the approved refund or credit: the money leaves, so the step is confirmed. */
export function PayOutModal({ detail, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const { mutation } = useRmaAction(() => call("pay_out_rma", { rma_no: detail.rma_no }), onClose);
  return (
    <Modal opened onClose={onClose} title={t("returns.action.pay_out")}>
      <Text size="sm">
        {t("returns.payout.pay_text", {
          amount: amountText(detail, i18n.language),
          customer: detail.customer_name ?? detail.customer_code,
        })}
      </Text>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onClose}>
          {t("common.cancel")}
        </Button>
        <Button
          loading={mutation.isPending}
          onClick={() => mutation.mutate(undefined)}
          data-testid="rma-pay-out-submit"
        >
          {t("returns.action.pay_out")}
        </Button>
      </Group>
    </Modal>
  );
}
