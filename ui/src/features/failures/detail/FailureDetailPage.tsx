import { Alert, Anchor, Badge, Center, Group, Loader, Text } from "@mantine/core";
import { IconAlertCircle, IconLock, IconPencil } from "@tabler/icons-react";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { RecordColumns, RecordPage } from "../../../components/detail/RecordPage";
import { ModalButton } from "../../../components/ModalButton";
import { RecordHistory } from "../../../components/RecordHistory";
import { errorMessage } from "../../../errors/apiError";
import { useFailure } from "../../../queries/records";
import { FailureReshipments } from "../../reshipments/FailureReshipments";
import { StatusBadge } from "../badges";
import { ChecklistButton } from "./ChecklistButton";
import { CorrectionModal } from "./CorrectionModal";
import { DispositionCard } from "./DispositionCard";
import { DispositionLinesPanel } from "./DispositionLinesPanel";
import { FailureFacts } from "./FailureFacts";
import { FAILURE_HISTORY } from "./FailureHistory";
import { FailurePhotos } from "./FailurePhotos";
import { VendorActions } from "./VendorActions";

function FailureLink({ failureNo }: { failureNo: string }) {
  return (
    <Anchor
      renderRoot={(props) => <Link {...props} to="/failures/$failureNo" params={{ failureNo }} />}
    >
      {failureNo}
    </Anchor>
  );
}

/** Everything about one failure: its facts, photos, follow-up and the full history of changes. */
export function FailureDetailPage({ failureNo }: { failureNo: string }) {
  const { t } = useTranslation();
  const query = useFailure(failureNo);

  if (query.isPending) {
    return (
      <Center h={300}>
        <Loader />
      </Center>
    );
  }
  if (query.isError) {
    return (
      <Alert color="red" icon={<IconAlertCircle />} title={t("failure_detail.cannot_load")}>
        {errorMessage(t, query.error)}
      </Alert>
    );
  }
  const failure = query.data;
  const closed = failure.status === "closed";
  return (
    <RecordPage
      head={[t("failure_detail.title"), failure.failure_no, "failure-number"]}
      badges={
        <>
          <StatusBadge status={failure.status} testId="failure-status" />
          {failure.lot_on_hold && failure.lot_code && (
            <Badge
              color="red"
              variant="outline"
              leftSection={<IconLock size={12} />}
              data-testid="failure-lot-hold"
            >
              {t("failure_detail.lot_on_hold", { lot: failure.lot_code })}
            </Badge>
          )}
          {failure.lot_code && !failure.lot_known && (
            <Badge color="gray" variant="outline" data-testid="failure-lot-unknown">
              {t("failure_detail.lot_unknown", { lot: failure.lot_code })}
            </Badge>
          )}
          {failure.reinspection_of && (
            <Text size="sm">
              {t("failure_detail.reinspection_of")}{" "}
              <FailureLink failureNo={failure.reinspection_of} />
            </Text>
          )}
          {failure.rma_no && (
            <Text size="sm" data-testid="failure-rma">
              {t("failure_detail.found_in_return")}{" "}
              <Anchor
                renderRoot={(props) => (
                  <Link {...props} to="/returns/$rmaNo" params={{ rmaNo: failure.rma_no ?? "" }} />
                )}
              >
                {failure.rma_no}
              </Anchor>
            </Text>
          )}
          {failure.reinspections.map((no) => (
            <Text size="sm" key={no}>
              {t("failure_detail.reinspected_in")} <FailureLink failureNo={no} />
            </Text>
          ))}
        </>
      }
      actions={
        <Group>
          <VendorActions failure={failure} />
          <ChecklistButton failure={failure} />
          <ModalButton
            label={t("failure_detail.correct")}
            icon={<IconPencil size={16} />}
            disabled={closed}
            title={closed ? t("failure_detail.closed_no_corrections") : undefined}
            testId="failure-correct"
          >
            {(close) => <CorrectionModal failure={failure} onClose={close} />}
          </ModalButton>
        </Group>
      }
    >
      <RecordColumns
        main={
          <>
            <FailureFacts failure={failure} />
            <DispositionLinesPanel failure={failure} />
            <FailurePhotos attachments={failure.attachments} />
          </>
        }
        side={
          <>
            {/* The single disposition for the whole quantity, until it is split into lines. */}
            {!failure.lines.some((l) => !l.whole) && <DispositionCard failure={failure} />}
            <FailureReshipments failureNo={failure.failure_no} />
            <RecordHistory history={failure.history} kind={FAILURE_HISTORY} />
          </>
        }
      />
    </RecordPage>
  );
}
