import { SimpleGrid } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { FailureLink, RmaLink } from "../../../components/RecordLink";
import { Section } from "../../../components/Section";
import { RecordNumbers } from "../RecordNumbers";

/** QC failures and returns recorded against this lot. */
export function LotRecords({ failureNos, rmaNos }: { failureNos: string[]; rmaNos: string[] }) {
  const { t } = useTranslation();
  return (
    <Section title={t("lots.detail.records")} testId="lot-records">
      <SimpleGrid cols={2}>
        <RecordNumbers label={t("lots.detail.failures")} none={failureNos.length === 0} gap="xs">
          {failureNos.map((no) => (
            <FailureLink key={no} no={no} testId="lot-failure" />
          ))}
        </RecordNumbers>
        <RecordNumbers label={t("lots.detail.rmas")} none={rmaNos.length === 0} gap="xs">
          {rmaNos.map((no) => (
            <RmaLink key={no} no={no} testId="lot-rma" />
          ))}
        </RecordNumbers>
      </SimpleGrid>
    </Section>
  );
}
