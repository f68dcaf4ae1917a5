import { Table } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { FailureLink, RecallLink } from "../../components/RecordLink";
import { formatDateTime } from "../../format";

/** Where a hold came from (its failure or recall), when it was placed and by whom: three cells. */
export function HoldOriginCells({
  hold,
}: {
  hold: {
    failure_no: string | null;
    recall_no: string | null;
    placed_at: string;
    placed_by: string | null;
  };
}) {
  const { i18n } = useTranslation();
  return (
    <>
      <Table.Td>
        {hold.failure_no && <FailureLink no={hold.failure_no} />}
        {hold.recall_no && <RecallLink no={hold.recall_no} />}
      </Table.Td>
      <Table.Td>{formatDateTime(hold.placed_at, i18n.language)}</Table.Td>
      <Table.Td>{hold.placed_by}</Table.Td>
    </>
  );
}
