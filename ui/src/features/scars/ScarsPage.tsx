import {
  Alert,
  Button,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { may, useSession } from "../../app/session";
import { call } from "../../backend/call";
import { errorMessage } from "../../errors/apiError";
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
      <Group justify="space-between">
        <Title order={2} data-testid="page-title">
          {t("scars.title")}
        </Title>
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
      </Group>
      {list.isPending && <Loader />}
      {list.isError && <Alert color="red">{errorMessage(t, list.error)}</Alert>}
      {list.data && list.data.length === 0 && (
        <Paper withBorder p="md" radius="md">
          <Text size="sm" c="dimmed" data-testid="scars-empty">
            {t(show === "overdue" ? "scars.list.none_overdue" : "scars.list.empty")}
          </Text>
        </Paper>
      )}
      {list.data && list.data.length > 0 && (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={900}>
            <Table highlightOnHover data-testid="scars-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("scars.field.scar_no")}</Table.Th>
                  <Table.Th>{t("scars.field.status")}</Table.Th>
                  <Table.Th>{t("scars.field.vendor")}</Table.Th>
                  <Table.Th>{t("scars.field.failure")}</Table.Th>
                  <Table.Th>{t("scars.field.problem")}</Table.Th>
                  <Table.Th>{t("scars.field.due_on")}</Table.Th>
                  <Table.Th>{t("scars.field.opened")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.map((s) => (
                  <Table.Tr
                    key={s.scar_no}
                    data-testid="scar-row"
                    data-no={s.scar_no}
                    data-status={s.status}
                    data-overdue={s.overdue}
                    style={{ cursor: "pointer" }}
                    onClick={() =>
                      void navigate({ to: "/scars/$scarNo", params: { scarNo: s.scar_no } })
                    }
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
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      {opening && <OpenScarModal onClose={() => setOpening(false)} />}
    </Stack>
  );
}
