import { Button, Group, Text } from "@mantine/core";
import { IconPrinter } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ReshipmentAction } from "../../../backend/bindings/ReshipmentAction";
import { call } from "../../../backend/call";
import { RecordColumns, RecordPage } from "../../../components/detail/RecordPage";
import { QueryState } from "../../../components/page/QueryState";
import { RecordFileButton, type RecordFileKind } from "../../../components/RecordFileButton";
import { RecordHistory } from "../../../components/RecordHistory";
import { useReshipment } from "../../../queries/records";
import { FAILURE_HISTORY } from "../../failures/detail/FailureHistory";
import { ReshipmentStatusBadge } from "../badges";
import { AmendModal, DeliverModal, ShipModal, TextModal } from "./ActionModals";
import { ApprovalsPanel } from "./ApprovalsPanel";
import { ChargebackCard } from "./ChargebackCard";
import { ReshipmentFacts } from "./ReshipmentFacts";

/** The statuses in which something is (or was) packed, so a packing slip exists. */
const PRINTABLE = new Set(["authorized", "shipped", "delivered"]);

/** The packing slip PDF, made in the user's language. */
const PACKING_SLIP: RecordFileKind = {
  Icon: IconPrinter,
  words: "reshipment.packing_slip",
  testId: "rs-packing-slip",
};

type Open = null | "approve" | "reject" | "amend" | "cancel" | "ship" | "deliver";

const ORDER: ReshipmentAction[] = ["approve", "ship", "deliver", "reject", "amend", "cancel"];
const PRIMARY = new Set<ReshipmentAction>(["approve", "ship", "deliver"]);

export function ReshipmentDetailPage({ reshipmentNo }: { reshipmentNo: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Open>(null);
  const query = useReshipment(reshipmentNo);
  if (!query.isSuccess) return <QueryState query={query} errorTestId="rs-error" />;
  const detail = query.data;
  const close = () => setOpen(null);
  const button = (kind: Exclude<Open, null>, variant = "default", disabled = false) => (
    <Button
      key={kind}
      variant={variant}
      color={kind === "reject" || kind === "cancel" ? "red" : undefined}
      disabled={disabled}
      onClick={() => setOpen(kind)}
      data-testid={`rs-${kind}`}
    >
      {t(`reshipment.action.${kind}`)}
    </Button>
  );
  // The backend says which steps this person may take now: only those are offered.
  const offered = new Set(detail.my_actions);
  const actions = ORDER.filter((kind) => offered.has(kind)).map((kind) =>
    button(kind, PRIMARY.has(kind) ? "filled" : "default"),
  );
  return (
    <RecordPage
      head={[t("reshipment.detail.title"), detail.reshipment_no, "rs-number"]}
      badges={
        <>
          <ReshipmentStatusBadge status={detail.status} testId="rs-status" />
          {detail.queue && (
            <Text size="sm" c="dimmed">
              {t("reshipment.detail.next_step", { team: t(`team.${detail.queue}`) })}
            </Text>
          )}
        </>
      }
      actions={
        <Group>
          {PRINTABLE.has(detail.status) && (
            <RecordFileButton
              file={PACKING_SLIP}
              make={() => call("packing_slip", { reshipment_no: detail.reshipment_no })}
            />
          )}
          {actions}
        </Group>
      }
    >
      <RecordColumns
        main={<ReshipmentFacts detail={detail} />}
        side={
          <>
            <ApprovalsPanel detail={detail} />
            <ChargebackCard detail={detail} />
            <RecordHistory history={detail.history} kind={FAILURE_HISTORY} />
          </>
        }
      />
      {(open === "approve" || open === "reject" || open === "cancel") && (
        <TextModal detail={detail} onClose={close} kind={open} />
      )}
      {open === "amend" && <AmendModal detail={detail} onClose={close} />}
      {open === "ship" && <ShipModal detail={detail} onClose={close} />}
      {open === "deliver" && <DeliverModal detail={detail} onClose={close} />}
    </RecordPage>
  );
}
