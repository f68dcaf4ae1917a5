import { Stack, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSession } from "../../app/session";
import type { ComplaintStatus } from "../../backend/bindings/ComplaintStatus";
import { call } from "../../backend/call";
import { FilterBar } from "../../components/page/FilterBar";
import { NewButton } from "../../components/page/NewButton";
import { PageHeader } from "../../components/page/PageHeader";
import { RecordTable } from "../../components/page/RecordTable";
import { StatusFilter, useStatusFilter } from "../../components/page/StatusFilter";
import { fieldHeadings } from "../../components/TableHead";
import { keys } from "../../queries/keys";
import { formatDay } from "../scars/scar";
import { type ComplaintLinks, OpenComplaintModal } from "./OpenComplaintModal";
import { COMPLAINT_STATUSES, mayRecordComplaints } from "./production";
import { ComplaintStatusBadge } from "./StatusBadges";

/**
 * Complaints, open ones first. Opened from a customer, an order, a lot or a work order, the
 * page lists that record's complaints and offers a new one for it.
 */
export function ComplaintsPage({ links }: { links: ComplaintLinks }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { session } = useSession();
  const status = useStatusFilter<ComplaintStatus>();
  const may = mayRecordComplaints(session.permissions);
  // Opened from a record, the new complaint for it is ready to fill, for those who record them.
  const [opening, setOpening] = useState(may && Object.values(links).some(Boolean));
  const list = useQuery({
    queryKey: [...keys.complaints, status.value, links],
    queryFn: () =>
      call("list_complaints", {
        status: status.input,
        customer_code: links.customer_code ?? null,
        order_no: links.order_no ?? null,
        lot_code: links.lot_code ?? null,
        work_order_no: links.work_order_no ?? null,
        vendor_code: null,
      }),
  });
  return (
    <Stack gap="md">
      <PageHeader title={t("complaints.title")} subtitle={t("complaints.intro")}>
        {may && (
          <NewButton
            label={t("complaints.open.button")}
            onClick={() => setOpening(true)}
            testId="complaint-new"
          />
        )}
      </PageHeader>
      <FilterBar onClear={status.clear}>
        <StatusFilter
          list="complaints"
          statuses={COMPLAINT_STATUSES}
          filter={status}
          testId="complaints-filter"
        />
      </FilterBar>
      <RecordTable
        query={list}
        empty={t("complaints.list.empty")}
        testId="complaints"
        minWidth={900}
        columns={fieldHeadings(t, "complaints.field", [
          "complaint_no",
          "status",
          "received_on",
          "customer",
          "order_no",
          "lot_code",
          "vendor",
          "description",
        ])}
        rowKey={(c) => c.complaint_no}
        rowTestId="complaint-row"
        rowStatus={(c) => c.status}
        onOpen={(c) =>
          void navigate({ to: "/complaints/$complaintNo", params: { complaintNo: c.complaint_no } })
        }
        row={(c) => (
          <>
            <Table.Td fw={600}>{c.complaint_no}</Table.Td>
            <Table.Td>
              <ComplaintStatusBadge status={c.status} />
              {c.outcome && (
                <Text size="xs" c="dimmed">
                  {t(`complaints.outcome.${c.outcome}`)}
                </Text>
              )}
            </Table.Td>
            <Table.Td>{formatDay(c.received_on, i18n.language)}</Table.Td>
            <Table.Td>{c.customer_name ?? c.customer_code}</Table.Td>
            <Table.Td>{c.order_no}</Table.Td>
            <Table.Td>{c.lot_code}</Table.Td>
            <Table.Td>{c.vendor_code}</Table.Td>
            <Table.Td maw={280}>
              <Text size="sm" truncate>
                {c.description}
              </Text>
            </Table.Td>
          </>
        )}
      />
      {opening && <OpenComplaintModal links={links} onClose={() => setOpening(false)} />}
    </Stack>
  );
}
