import { Group, Stack, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { may, useSession } from "../../app/session";
import { call } from "../../backend/call";
import { TwoLineCell } from "../../components/cells/TwoLineCell";
import { NewButton } from "../../components/page/NewButton";
import { PageHeader } from "../../components/page/PageHeader";
import { RecordTable } from "../../components/page/RecordTable";
import { StatusFilter, useStatusFilter } from "../../components/page/StatusFilter";
import { fieldHeadings } from "../../components/TableHead";
import { formatDateTimeShort } from "../../format";
import { OpenScarModal } from "./OpenScarModal";
import { ScarStatusBadge } from "./ScarStatusBadge";
import { formatDay } from "./scar";

/** Besides all: only the SCARs whose vendor's answer is overdue. */
const SHOWN = ["overdue"] as const;

/** Every SCAR, open ones first; or only those whose vendor's answer is overdue. */
export function ScarsPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { session } = useSession();
  const show = useStatusFilter<"overdue">();
  const [opening, setOpening] = useState(false);
  const list = useQuery({
    queryKey: ["scars", show.value],
    queryFn: () => call("list_scars", { overdue_only: show.value === "overdue" }),
  });
  return (
    <Stack gap="md">
      <PageHeader title={t("scars.title")}>
        <Group>
          <StatusFilter
            list="scars"
            names="scars.list"
            statuses={SHOWN}
            filter={show}
            testId="scars-filter"
          />
          {may(session, "manage_scars") && (
            <NewButton
              label={t("scars.open.button")}
              onClick={() => setOpening(true)}
              testId="scar-new"
            />
          )}
        </Group>
      </PageHeader>
      <RecordTable
        query={list}
        empty={t(show.value === "overdue" ? "scars.list.none_overdue" : "scars.list.empty")}
        testId="scars"
        columns={fieldHeadings(t, "scars.field", [
          "scar_no",
          "status",
          "vendor",
          "failure",
          "problem",
          "due_on",
          "opened",
        ])}
        rowKey={(s) => s.scar_no}
        rowTestId="scar-row"
        rowStatus={(s) => s.status}
        rowData={(s) => ({ "data-overdue": s.overdue })}
        onOpen={(s) => void navigate({ to: "/scars/$scarNo", params: { scarNo: s.scar_no } })}
        row={(s) => (
          <>
            <Table.Td fw={600}>{s.scar_no}</Table.Td>
            <Table.Td>
              <ScarStatusBadge status={s.status} overdue={s.overdue} />
            </Table.Td>
            <TwoLineCell main={s.vendor_name ?? s.vendor_code} sub={s.vendor_code} />
            <Table.Td>{s.failure_no}</Table.Td>
            <Table.Td maw={300}>
              <Text size="sm" truncate>
                {s.problem}
              </Text>
            </Table.Td>
            <Table.Td c={s.overdue ? "red.7" : undefined} fw={s.overdue ? 600 : undefined}>
              {formatDay(s.due_on, i18n.language)}
            </Table.Td>
            <TwoLineCell
              main={formatDateTimeShort(s.opened.at, i18n.language)}
              sub={s.opened.by_name}
            />
          </>
        )}
      />
      {opening && <OpenScarModal onClose={() => setOpening(false)} />}
    </Stack>
  );
}
