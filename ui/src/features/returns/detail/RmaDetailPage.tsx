import { Button, Group } from "@mantine/core";
import { IconFileInvoice } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { RmaAction } from "../../../backend/bindings/RmaAction";
import { call } from "../../../backend/call";
import { RecordColumns, RecordPage } from "../../../components/detail/RecordPage";
import { ModalButton } from "../../../components/ModalButton";
import { QueryState } from "../../../components/page/QueryState";
import { RecordFileButton, type RecordFileKind } from "../../../components/RecordFileButton";
import { useRma } from "../../../queries/records";
import { RmaStatusBadge, SlaCell, VerdictBadge } from "../badges";
import { LabelsModal } from "../LabelsModal";
import type { RmaDetail } from "../types";
import { VerdictPanel } from "../VerdictPanel";
import { verdictLabel } from "../verdict";
import { CancelModal, DecisionModal, InTransitModal, NoteModal } from "./ActionModals";
import { CostModal } from "./CostModal";
import { CreditModal } from "./CreditModal";
import { InspectModal } from "./InspectModal";
import { ApprovePayoutModal, PayOutModal } from "./PayoutModals";
import { PayoutPanel } from "./PayoutPanel";
import { ReceiveModal } from "./ReceiveModal";
import { RmaFacts } from "./RmaFacts";
import { RmaHistory } from "./RmaHistory";
import { SettleModal } from "./SettleModal";

/** The credit note PDF: fees per line, and who approved and paid. */
const CREDIT_NOTE: RecordFileKind = {
  Icon: IconFileInvoice,
  words: "returns.credit_note",
  testId: "rma-credit-note",
};

/** The test id of each action's button: `rma-approve`, `rma-in-transit`, … */
const testId = (action: RmaAction) => `rma-${action.replaceAll("_", "-")}`;

export function RmaDetailPage({ rmaNo }: { rmaNo: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<RmaAction | null>(null);
  const query = useRma(rmaNo);
  if (!query.isSuccess) return <QueryState query={query} errorTestId="rma-error" />;
  const detail: RmaDetail = query.data;
  const close = () => setOpen(null);
  // The backend says which steps this person may take now (roles, state and duties alike).
  const actions = detail.my_actions;
  return (
    <RecordPage
      head={[t("returns.detail.title"), detail.rma_no, "rma-number"]}
      badges={
        <>
          <RmaStatusBadge status={detail.status} testId="rma-status" />
          <VerdictBadge verdict={verdictLabel(detail)} testId="rma-verdict" />
          <SlaCell row={detail} wrap />
        </>
      }
      actions={
        <Group data-testid="rma-actions">
          {detail.status === "settled" && detail.settlement?.kind !== "exchange" && (
            <RecordFileButton
              file={CREDIT_NOTE}
              make={() => call("credit_note", { rma_no: detail.rma_no })}
            />
          )}
          {actions.map((action, i) => (
            <Button
              key={action}
              variant={i === 0 ? "filled" : "default"}
              color={action === "reject" || action === "cancel" ? "red" : undefined}
              onClick={() => setOpen(action)}
              data-testid={testId(action)}
            >
              {t(`returns.action.${action}`)}
            </Button>
          ))}
          {detail.may_add_note && (
            <ModalButton label={t("returns.action.add_note")} testId="rma-add-note">
              {(close) => <NoteModal detail={detail} onClose={close} />}
            </ModalButton>
          )}
          {detail.may_record_cost && (
            <ModalButton label={t("returns.action.record_cost")} testId="rma-record-cost">
              {(close) => <CostModal detail={detail} onClose={close} />}
            </ModalButton>
          )}
        </Group>
      }
    >
      <RecordColumns
        main={<RmaFacts detail={detail} />}
        side={
          <>
            <PayoutPanel detail={detail} />
            <VerdictPanel
              outcomes={detail.opening.eligibility.outcomes}
              policyVersion={detail.opening.eligibility.policy_version}
            />
            <RmaHistory history={detail.history} />
          </>
        }
      />
      {(open === "approve" || open === "reject" || open === "suspend") && (
        <DecisionModal detail={detail} onClose={close} kind={open} />
      )}
      {open === "cancel" && <CancelModal detail={detail} onClose={close} />}
      {open === "label" && <LabelsModal rmaNos={[detail.rma_no]} onClose={close} />}
      {open === "in_transit" && <InTransitModal detail={detail} onClose={close} />}
      {open === "receive" && <ReceiveModal detail={detail} onClose={close} />}
      {open === "inspect" && <InspectModal detail={detail} onClose={close} />}
      {open === "settle" && <SettleModal detail={detail} onClose={close} />}
      {open === "issue_credit" && <CreditModal detail={detail} onClose={close} />}
      {open === "approve_payout" && <ApprovePayoutModal detail={detail} onClose={close} />}
      {open === "pay_out" && <PayOutModal detail={detail} onClose={close} />}
    </RecordPage>
  );
}
