import { Button, Group, Paper, Title } from "@mantine/core";
import { IconLockCheck } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import type { TFunction } from "i18next";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSession } from "../../app/session";
import { TEXT_LIMITS } from "../../backend/bindings/textLimits";
import { call } from "../../backend/call";
import { RecordPage } from "../../components/detail/RecordPage";
import { QueryState } from "../../components/page/QueryState";
import { TextFact } from "../../components/TextFact";
import { keys } from "../../queries/keys";
import { useRecall } from "../../queries/records";
import { NoteModal } from "../lots/detail/NoteModal";
import { PdfButton } from "../lots/PdfButton";
import { mayDo } from "../lots/permissions";
import { refreshLotViews } from "../lots/refresh";
import { ExportCustomers, RecallCustomers } from "./RecallCustomers";
import { RecallFacts } from "./RecallFacts";
import { RecallStatusBadge } from "./RecallStatusBadge";

/** Coded values read in the UI language; free text (codes, notes) stays as recorded. */
function valueLabel(t: TFunction, field: string, value: string): string {
  return field === "status" ? t(`recalls.status.${value}`, { defaultValue: value }) : value;
}

export function RecallDetailPage({ recallNo }: { recallNo: string }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const client = useQueryClient();
  const [closing, setClosing] = useState(false);
  const query = useRecall(recallNo);
  if (!query.isSuccess) return <QueryState query={query} errorTestId="recall-error" />;
  const recall = query.data;
  const open = recall.status === "open";
  const allowed = mayDo("recall", session.permissions);
  return (
    <RecordPage
      head={[t("recalls.detail.title"), recall.recall_no, "recall-number"]}
      badges={<RecallStatusBadge status={recall.status} testId="recall-status" />}
      actions={
        <Group gap="xs">
          <PdfButton
            make={{
              act: "recall_report_pdf",
              input: { lot_codes: [], recall_no: recall.recall_no },
            }}
            label={t("recalls.report_pdf")}
            testId="recall-report-pdf"
          />
          <ExportCustomers recallNo={recall.recall_no} disabled={recall.customers.length === 0} />
          {open && allowed && (
            <Button
              variant="default"
              leftSection={<IconLockCheck size={16} />}
              onClick={() => setClosing(true)}
              data-testid="recall-close"
            >
              {t("recalls.close.button")}
            </Button>
          )}
        </Group>
      }
      history={{
        history: recall.history,
        title: t("lots.detail.history"),
        testId: "recall-history",
        valueLabel,
      }}
    >
      <Paper withBorder p="md" radius="md">
        <TextFact label={t("recalls.field.reason")} testId="recall-reason-text">
          {recall.reason}
        </TextFact>
      </Paper>
      <RecallFacts recall={recall} />
      <Paper withBorder p="md" radius="md">
        <Title order={5} mb="sm">
          {t("lots.recall.customers", { count: recall.customers.length })}
        </Title>
        <RecallCustomers recall={recall} canNotify={open && allowed} />
      </Paper>
      {closing && (
        <NoteModal
          title={t("recalls.close.title", { recall: recall.recall_no })}
          intro={t("recalls.close.intro", { count: recall.still_held })}
          label={t("recalls.close.note")}
          field="note"
          maxLength={TEXT_LIMITS.note}
          submitLabel={t("recalls.close.button")}
          testId="recall-close"
          run={async (note) => {
            const next = await call("close_recall", { recall_no: recall.recall_no, note });
            client.setQueryData(keys.recall(recall.recall_no), next);
            refreshLotViews(client);
          }}
          onClose={() => setClosing(false)}
        />
      )}
    </RecordPage>
  );
}
