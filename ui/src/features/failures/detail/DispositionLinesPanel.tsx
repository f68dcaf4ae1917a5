import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { IconAlertTriangle, IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { may, useSession } from "../../../app/session";
import type { DispositionLineView } from "../../../backend/bindings/DispositionLineView";
import type { FailureDetail } from "../../../backend/bindings/FailureDetail";
import { TableHead } from "../../../components/TableHead";
import { formatDay } from "../../../format";
import { AddLineModal, ApproveLineModal, CompleteLineModal, WithdrawLineModal } from "./LineModals";

const LINE_COLOR: Record<string, string> = {
  open: "yellow",
  awaiting_approval: "grape",
  completed: "teal",
  withdrawn: "gray",
};

type Dialog =
  | { kind: "add" }
  | { kind: "complete" | "approve" | "withdraw"; line: DispositionLineView }
  | null;

/** How scrapped units were destroyed and by whom, under a completed scrap line. */
function ScrapTold({ line }: { line: DispositionLineView }) {
  const { t } = useTranslation();
  if (!line.scrap_method) return null;
  const method =
    line.scrap_method === "other" && line.scrap_method_other
      ? line.scrap_method_other
      : t(`failure.scrap_method.${line.scrap_method}`);
  return (
    <Text size="xs" c="dimmed" data-testid="line-scrap-told">
      {line.witness_name
        ? t("failure_detail.lines.destroyed_witnessed", {
            method,
            who: line.destroyed_by_name ?? "",
            witness: line.witness_name,
          })
        : t("failure_detail.lines.destroyed", { method, who: line.destroyed_by_name ?? "" })}
    </Text>
  );
}

function LineRow({
  failure,
  line,
  onDialog,
}: {
  failure: FailureDetail;
  line: DispositionLineView;
  onDialog: (dialog: Dialog) => void;
}) {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const isLead = may(session, "approve_deviation");
  const running = line.status === "open" || line.status === "awaiting_approval";
  // The old single disposition's line is decided on the card above until it is withdrawn.
  const decidedHere = !line.whole;
  const steps: {
    kind: "complete" | "approve" | "withdraw";
    shown: boolean;
    color?: string;
    variant?: string;
  }[] = [
    { kind: "complete", shown: decidedHere && line.status === "open" },
    {
      kind: "approve",
      shown: decidedHere && line.status === "awaiting_approval" && isLead,
      color: "grape",
    },
    { kind: "withdraw", shown: failure.status !== "closed", variant: "subtle", color: "gray" },
  ];
  const qty =
    line.status === "completed" && line.qty_completed !== null && line.qty_completed !== line.qty
      ? t("failure_detail.lines.qty_done_of", { done: line.qty_completed, count: line.qty })
      : String(line.qty);
  return (
    <Table.Tr
      data-testid="disposition-line"
      data-status={line.status}
      data-disposition={line.disposition}
    >
      <Table.Td>
        <Text size="sm">{t(`failure.disposition.${line.disposition}`)}</Text>
        {line.note && (
          <Text size="xs" c="dimmed" fs="italic">
            {line.note}
          </Text>
        )}
        {line.outcome && line.status === "completed" && (
          <Text size="xs">
            {t(`failure_detail.outcome.${line.outcome}`, { defaultValue: line.outcome })}
          </Text>
        )}
        <ScrapTold line={line} />
        {line.serials.length > 0 && (
          <Text size="xs" ff="monospace" data-testid="disposition-line-serials">
            {line.serials.join(", ")}
          </Text>
        )}
      </Table.Td>
      <Table.Td ta="right">{qty}</Table.Td>
      <Table.Td>{line.owner_name ?? "—"}</Table.Td>
      <Table.Td style={{ whiteSpace: "nowrap" }}>
        {line.due_on ? formatDay(line.due_on, i18n.language) : "—"}
      </Table.Td>
      <Table.Td>
        <Badge color={LINE_COLOR[line.status] ?? "gray"} variant="light" size="sm">
          {t(`failure.line_status.${line.status}`)}
        </Badge>
      </Table.Td>
      <Table.Td>
        {running && (
          <Group gap={4} wrap="nowrap">
            {steps
              .filter((step) => step.shown)
              .map(({ kind, color, variant }) => (
                <Button
                  key={kind}
                  size="compact-xs"
                  color={color}
                  variant={variant}
                  onClick={() => onDialog({ kind, line })}
                  data-testid={`line-${kind}`}
                >
                  {t(`failure_detail.lines.${kind}`)}
                </Button>
              ))}
          </Group>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/** The failed quantity divided over dispositions: each line's units, owner, due date and state. */
export function DispositionLinesPanel({ failure }: { failure: FailureDetail }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<Dialog>(null);
  const closed = failure.status === "closed";
  const assigned = failure.qty_failed - failure.unassigned;
  return (
    <Paper withBorder p="md" radius="md" data-testid="disposition-lines">
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Title order={5}>{t("failure_detail.lines.title")}</Title>
        {!closed && failure.unassigned > 0 && (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} />}
            onClick={() => setDialog({ kind: "add" })}
            data-testid="line-add"
          >
            {t("failure_detail.lines.add")}
          </Button>
        )}
      </Group>
      <Stack gap="xs">
        <Text size="sm" data-testid="lines-summary">
          {t("failure_detail.lines.summary", {
            assigned,
            failed: failure.qty_failed,
            count: Math.max(failure.unassigned, 0),
          })}
        </Text>
        {failure.unassigned < 0 && (
          <Alert
            color="orange"
            p="xs"
            icon={<IconAlertTriangle size={16} />}
            data-testid="lines-over"
          >
            {t("failure_detail.lines.over_assigned", { count: -failure.unassigned })}
          </Alert>
        )}
        {failure.lines.length > 0 && (
          <Table.ScrollContainer minWidth={520}>
            <Table verticalSpacing={6} fz="sm">
              <TableHead
                columns={[
                  t("failure.field.disposition"),
                  { label: t("failure_detail.lines.qty"), right: true },
                  t("failure_detail.lines.owner"),
                  t("failure_detail.lines.due_on"),
                  t("failure.field.status"),
                  "",
                ]}
              />
              <Table.Tbody>
                {failure.lines.map((line) => (
                  <LineRow key={line.line_id} failure={failure} line={line} onDialog={setDialog} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      {dialog?.kind === "add" && <AddLineModal failure={failure} onClose={() => setDialog(null)} />}
      {dialog?.kind === "complete" && (
        <CompleteLineModal failure={failure} line={dialog.line} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === "approve" && (
        <ApproveLineModal failure={failure} line={dialog.line} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === "withdraw" && (
        <WithdrawLineModal failure={failure} line={dialog.line} onClose={() => setDialog(null)} />
      )}
    </Paper>
  );
}
