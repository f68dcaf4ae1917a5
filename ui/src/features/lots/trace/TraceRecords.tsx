import { Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { TraceRecord } from "../../../backend/bindings/TraceRecord";
import { FailureLink, RmaLink } from "../../../components/RecordLink";
import { RecordNumbers } from "../RecordNumbers";

function Records({
  label,
  records,
  kind,
}: {
  label: string;
  records: TraceRecord[];
  kind: "failure" | "rma";
}) {
  const Link = kind === "failure" ? FailureLink : RmaLink;
  return (
    <RecordNumbers label={label} none={records.length === 0} gap="sm">
      {records.map((r) => (
        <Text key={`${r.number}/${r.lot_code}`} size="sm" span>
          <Link no={r.number} testId={`trace-${kind}`} />{" "}
          <Text span size="xs" c="dimmed">
            ({r.lot_code})
          </Text>
        </Text>
      ))}
    </RecordNumbers>
  );
}

/** QC failures and returns recorded against any traced lot: evidence for the decision. */
export function TraceRecords({ failures, rmas }: { failures: TraceRecord[]; rmas: TraceRecord[] }) {
  const { t } = useTranslation();
  return (
    <Group align="flex-start" grow>
      <Records label={t("lots.detail.failures")} records={failures} kind="failure" />
      <Records label={t("lots.detail.rmas")} records={rmas} kind="rma" />
    </Group>
  );
}
