import {
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSession } from "../../app/session";
import type { ComplaintDetail } from "../../backend/bindings/ComplaintDetail";
import type { ComplaintOutcome } from "../../backend/bindings/ComplaintOutcome";
import { call } from "../../backend/call";
import { ActionModal, type Closing } from "../../components/actions/ActionModal";
import { useRecordAction } from "../../components/actions/useRecordAction";
import { codedValues } from "../../components/detail/codedValues";
import { RecordPage } from "../../components/detail/RecordPage";
import { StepFacts } from "../../components/detail/StepFacts";
import { Fact, FactGrid } from "../../components/Fact";
import { QueryState } from "../../components/page/QueryState";
import { LotLink } from "../../components/RecordLink";
import { useComplaint } from "../../queries/records";
import { formatDay } from "../scars/scar";
import { mayRecordComplaints } from "./production";
import { ComplaintStatusBadge } from "./StatusBadges";

const valueLabel = codedValues({
  status: "complaints.status",
  outcome: "complaints.outcome",
  severity: "failure.severity",
});

const COMPLAINT_STEPS = ["opened", "investigating", "closed"] as const;

function AdvanceModal({
  complaint,
  to,
  onClose,
}: { complaint: ComplaintDetail; to: "investigating" | "closed" } & Closing) {
  const { t } = useTranslation();
  const [note, setNote] = useState("");
  const [outcome, setOutcome] = useState<ComplaintOutcome>("justified");
  const { mutation, errors } = useRecordAction(
    "complaint",
    () =>
      call("advance_complaint", {
        complaint_no: complaint.complaint_no,
        to,
        outcome: to === "closed" ? outcome : null,
        note,
      }),
    (next) => {
      onClose();
      notifications.show({
        color: "teal",
        message: t("complaints.advance.saved", {
          no: next.complaint_no,
          status: t(`complaints.status.${to}`),
        }),
      });
    },
  );
  return (
    <ActionModal
      title={t(`complaints.advance.title_${to}`, { no: complaint.complaint_no })}
      onClose={onClose}
      mutation={mutation}
      submitTestId="complaint-advance-save"
    >
      <Stack gap="sm">
        {to === "closed" && (
          <NativeSelect
            label={t("complaints.field.outcome")}
            value={outcome}
            onChange={(e) => setOutcome(e.currentTarget.value as ComplaintOutcome)}
            data={(["justified", "unfounded"] as ComplaintOutcome[]).map((o) => ({
              value: o,
              label: t(`complaints.outcome.${o}`),
            }))}
            error={errors.outcome}
            data-testid="complaint-outcome"
          />
        )}
        <Textarea
          label={t(to === "closed" ? "complaints.field.closing_note" : "complaints.advance.note")}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={errors.note}
          required={to === "closed"}
          autosize
          minRows={2}
          data-autofocus
          data-testid="complaint-advance-note"
        />
      </Stack>
    </ActionModal>
  );
}

export function ComplaintDetailPage({ complaintNo }: { complaintNo: string }) {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const [advancing, setAdvancing] = useState<"investigating" | "closed" | null>(null);
  const query = useComplaint(complaintNo);
  if (!query.isSuccess) return <QueryState query={query} errorTestId="complaint-error" />;
  const c = query.data;
  const may = mayRecordComplaints(session.permissions);
  return (
    <RecordPage
      head={[t("complaints.field.complaint_no"), c.complaint_no, "complaint-number"]}
      badges={
        <>
          <ComplaintStatusBadge status={c.status} testId="complaint-status" />
          {c.outcome && <Badge variant="outline">{t(`complaints.outcome.${c.outcome}`)}</Badge>}
          <Badge color={c.counts_for_vendor ? "orange" : "gray"} variant="light" tt="none">
            {t(c.counts_for_vendor ? "complaints.counts" : "complaints.not_counted")}
          </Badge>
        </>
      }
      actions={
        may &&
        c.status !== "closed" && (
          <Group gap="xs">
            {c.status === "open" && (
              <Button
                variant="default"
                onClick={() => setAdvancing("investigating")}
                data-testid="complaint-investigate"
              >
                {t("complaints.advance.investigating")}
              </Button>
            )}
            <Button onClick={() => setAdvancing("closed")} data-testid="complaint-close">
              {t("complaints.advance.closed")}
            </Button>
          </Group>
        )
      }
      history={{
        history: c.history,
        title: t("complaints.history"),
        testId: "complaint-history",
        valueLabel,
      }}
    >
      <FactGrid md={4}>
        <Fact label={t("complaints.field.received_on")}>
          {formatDay(c.received_on, i18n.language)}
        </Fact>
        <Fact label={t("complaints.field.customer")} testId="complaint-customer-fact">
          {c.customer_name ? `${c.customer_name} (${c.customer_code})` : c.customer_code}
        </Fact>
        <Fact label={t("complaints.field.order_no")}>{c.order_no}</Fact>
        <Fact label={t("complaints.field.lot_code")}>
          {c.lot_code && <LotLink no={c.lot_code} />}
        </Fact>
        <Fact label={t("complaints.field.work_order_no")}>
          {c.work_order_no && (
            <Link to="/work-orders/$workOrderNo" params={{ workOrderNo: c.work_order_no }}>
              {c.work_order_no}
            </Link>
          )}
        </Fact>
        <Fact label={t("complaints.field.sku")}>{c.sku}</Fact>
        <Fact label={t("complaints.field.vendor")} testId="complaint-vendor">
          {c.vendor_code}
        </Fact>
        <Fact label={t("complaints.field.qty_affected")}>{c.qty_affected}</Fact>
        <Fact label={t("complaints.field.severity")}>{t(`failure.severity.${c.severity}`)}</Fact>
        <StepFacts prefix="complaints.field" record={c} steps={COMPLAINT_STEPS} />
      </FactGrid>
      <SimpleGrid cols={{ base: 1, lg: 3 }} spacing="md">
        {(
          [
            ["description", c.description],
            ["investigation_note", c.investigation_note],
            ["closing_note", c.closing_note],
          ] as const
        ).map(([key, text]) => (
          <Paper key={key} withBorder p="md" radius="md">
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {t(`complaints.field.${key}`)}
            </Text>
            <Text size="sm" style={{ whiteSpace: "pre-wrap" }} data-testid={`complaint-${key}`}>
              {text || "—"}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      {advancing && (
        <AdvanceModal complaint={c} to={advancing} onClose={() => setAdvancing(null)} />
      )}
    </RecordPage>
  );
}
