import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSession } from "../../../app/session";
import { RecordColumns, RecordPage } from "../../../components/detail/RecordPage";
import { QueryState } from "../../../components/page/QueryState";
import { RecordHistory } from "../../../components/RecordHistory";
import { useLot } from "../../../queries/records";
import { HoldBadge, LotStatusBadge } from "../badges";
import { mayDo } from "../permissions";
import { TracePanel } from "../trace/TracePanel";
import { Gs1Codes } from "./Gs1Codes";
import { LotActions } from "./LotActions";
import { LotFacts } from "./LotFacts";
import { LOT_HISTORY } from "./LotHistory";
import { LotHolds } from "./LotHolds";
import { LotLinks } from "./LotLinks";
import { LotRecords } from "./LotRecords";
import { LotSerials } from "./LotSerials";
import { LotShipments } from "./LotShipments";
import { RecallScopeModal } from "./RecallScopeModal";

export function LotDetailPage({ lotCode }: { lotCode: string }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const [recall, setRecall] = useState(false);
  const query = useLot(lotCode);
  if (!query.isSuccess) return <QueryState query={query} errorTestId="lot-error" />;
  const lot = query.data;
  return (
    <RecordPage
      head={[t("lots.detail.title"), lot.lot_code, "lot-code"]}
      badges={
        <>
          <LotStatusBadge status={lot.status} testId="lot-status" />
          <HoldBadge count={lot.active_holds} testId="lot-hold-badge" />
        </>
      }
      actions={
        <LotActions
          lot={lot}
          permissions={session.permissions}
          onRecallScope={() => setRecall(true)}
        />
      }
    >
      <RecordColumns
        mainSpan={8}
        main={
          <>
            <LotFacts lot={lot} />
            <LotHolds holds={lot.holds} />
            <LotLinks links={lot.inputs} side="inputs" />
            <LotLinks links={lot.outputs} side="outputs" />
            <LotShipments shipments={lot.shipments} unit={lot.unit} />
            <LotSerials lot={lot} mayRecord={mayDo("move", session.permissions)} />
          </>
        }
        side={
          <>
            <Gs1Codes elementString={lot.gs1_element_string} digitalLink={lot.digital_link} />
            <LotRecords failureNos={lot.failure_nos} rmaNos={lot.rma_nos} />
            <RecordHistory history={lot.history} kind={LOT_HISTORY} />
          </>
        }
      />
      {/* Keyed by lot: following a node to another lot starts its trace afresh. */}
      <TracePanel key={lot.lot_code} lot={lot} />
      {recall && (
        <RecallScopeModal
          lotCode={lot.lot_code}
          permissions={session.permissions}
          onClose={() => setRecall(false)}
        />
      )}
    </RecordPage>
  );
}
