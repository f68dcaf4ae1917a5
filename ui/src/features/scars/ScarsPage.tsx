import { Button, Group, SegmentedControl, Stack, Table, Text } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { may, useSession } from "../../app/session";
import { call } from "../../backend/call";
import { PageHeader } from "../../components/page/PageHeader";
import { ShortList } from "../../components/page/ShortList";
import { formatDateTimeShort } from "../../format";
import { OpenScarModal } from "./OpenScarModal";
import { ScarStatusBadge } from "./ScarStatusBadge";
import { formatDay } from "./scar";

/** Every SCAR, open ones first; or only those whose vendor's answer is overdue. */
export function ScarsPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { session } = useSession();
  const [show, setShow] = useState<"all" | "overdue">("all");
  const [opening, setOpening] = useState(false);
  const list = useQuery({
    queryKey: ["scars", show],
    queryFn: () => call("list_scars", { overdue_only: show === "overdue" }),
  });
  return (
    <Stack gap="md">
      <PageHeader title={t("scars.title")}>
        <Group>
          <SegmentedControl
            value={show}
            onChange={(v) => setShow(v as "all" | "overdue")}
            data={[
              { value: "all", label: t("scars.list.all") },
              { value: "overdue", label: t("scars.list.overdue") },
            ]}
            data-testid="scars-filter"
          />
          {may(session, "manage_scars") && (
            <Button
              leftSection={<IconPlus size={16} />}
              onClick={() => setOpening(true)}
              data-testid="scar-new"
            >
              {t("scars.open.button")}
            </Button>
          )}
        </Group>
      </PageHeader>
      <ShortList
        query={list}
        empty={t(show === "overdue" ? "scars.list.none_overdue" : "scars.list.empty")}
        emptyTestId="scars-empty"
        testId="scars-table"
        highlightOnHover
        columns={[
          t("scars.field.scar_no"),
          t("scars.field.status"),
          t("scars.field.vendor"),
          t("scars.field.failure"),
          t("scars.field.problem"),
          t("scars.field.due_on"),
          t("scars.field.opened"),
        ]}
        rows={(data) =>
          data.map((s) => (
            <Table.Tr
              key={s.scar_no}
              data-testid="scar-row"
              data-no={s.scar_no}
              data-status={s.status}
              data-overdue={s.overdue}
              style={{ cursor: "pointer" }}
              onClick={() => void navigate({ to: "/scars/$scarNo", params: { scarNo: s.scar_no } })}
            >
              <Table.Td fw={600}>{s.scar_no}</Table.Td>
              <Table.Td>
                <ScarStatusBadge status={s.status} overdue={s.overdue} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{s.vendor_name ?? s.vendor_code}</Text>
                <Text size="xs" c="dimmed">
                  {s.vendor_code}
                </Text>
              </Table.Td>
              <Table.Td>{s.failure_no}</Table.Td>
              <Table.Td maw={300}>
                <Text size="sm" truncate>
                  {s.problem}
                </Text>
              </Table.Td>
              <Table.Td c={s.overdue ? "red.7" : undefined} fw={s.overdue ? 600 : undefined}>
                {formatDay(s.due_on, i18n.language)}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{formatDateTimeShort(s.opened.at, i18n.language)}</Text>
                {s.opened.by_name && (
                  <Text size="xs" c="dimmed">
                    {s.opened.by_name}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))
        }
      />
      {opening && <OpenScarModal onClose={() => setOpening(false)} />}
    </Stack>
  );
}
