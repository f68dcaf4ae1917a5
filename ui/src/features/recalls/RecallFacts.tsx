import { Group, Progress } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { RecallDetail } from "../../backend/bindings/RecallDetail";
import { Fact, FactGrid } from "../../components/Fact";
import { NotedFact } from "../../components/NotedFact";
import { LotLink } from "../../components/RecordLink";
import { formatDateTime } from "../../format";
import { notifiedPercent } from "./recall";

/** The recall's counts of lots, each a fact: field, test id. */
const COUNTS = [
  ["lots_in_scope", "recall-lots-in-scope"],
  ["held", "recall-held"],
  ["still_held", "recall-still-held"],
] as const;

/** The recall's figures: its lots, what is held, who has been told, when it started and ended. */
export function RecallFacts({ recall }: { recall: RecallDetail }) {
  const { t, i18n } = useTranslation();
  return (
    <FactGrid md={4}>
      <Fact label={t("recalls.field.lots")} testId="recall-lot-codes">
        <Group gap={6}>
          {recall.lot_codes.map((code) => (
            <LotLink key={code} no={code} testId={`recall-lot-${code}`} />
          ))}
        </Group>
      </Fact>
      {COUNTS.map(([field, testId]) => (
        <Fact key={field} label={t(`recalls.field.${field}`)} testId={testId}>
          {String(recall[field])}
        </Fact>
      ))}
      <Fact label={t("recalls.field.notified")} testId="recall-notified">
        {t("recalls.notified_of", {
          notified: recall.notified_count,
          total: recall.customer_count,
        })}
        <Progress
          mt={4}
          value={notifiedPercent(recall)}
          size="sm"
          color={recall.notified_count >= recall.customer_count ? "teal" : "orange"}
        />
      </Fact>
      <NotedFact
        label={t("recalls.field.started")}
        testId="recall-started"
        note={recall.started_by_name}
      >
        {formatDateTime(recall.started_at, i18n.language)}
      </NotedFact>
      <Fact label={t("recalls.field.closed_at")} testId="recall-closed-at">
        {formatDateTime(recall.closed_at, i18n.language)}
      </Fact>
      <Fact label={t("recalls.field.close_note")} testId="recall-close-note-text">
        {recall.close_note}
      </Fact>
    </FactGrid>
  );
}
