import { Group, Progress, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { RecallDetail } from "../../backend/bindings/RecallDetail";
import { Fact, FactGrid } from "../../components/Fact";
import { formatDateTime } from "../../format";
import { LotLink } from "../lots/links";
import { notifiedPercent } from "./recall";

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
      <Fact label={t("recalls.field.lots_in_scope")} testId="recall-lots-in-scope">
        {String(recall.lots_in_scope)}
      </Fact>
      <Fact label={t("recalls.field.held")} testId="recall-held">
        {String(recall.held)}
      </Fact>
      <Fact label={t("recalls.field.still_held")} testId="recall-still-held">
        {String(recall.still_held)}
      </Fact>
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
      <Fact label={t("recalls.field.started")} testId="recall-started">
        {formatDateTime(recall.started_at, i18n.language)}
        {recall.started_by_name && (
          <Text size="xs" c="dimmed">
            {recall.started_by_name}
          </Text>
        )}
      </Fact>
      <Fact label={t("recalls.field.closed_at")} testId="recall-closed-at">
        {formatDateTime(recall.closed_at, i18n.language)}
      </Fact>
      <Fact label={t("recalls.field.close_note")} testId="recall-close-note-text">
        {recall.close_note}
      </Fact>
    </FactGrid>
  );
}
