import { Alert, Anchor, Badge, Center, Loader, Stack, Table, Text } from "@mantine/core";
import { IconInfoCircle, IconLock } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { call } from "../../backend/call";
import { HeadedTable } from "../../components/HeadedTable";
import { headings } from "../../components/TableHead";
import { errorMessage } from "../../errors/apiError";
import { HoldOriginCells } from "./HoldCells";

/** Lots on hold: a failed inspection holds its lot until the follow-up releases it. */
export function HoldsTable() {
  const { t } = useTranslation();
  const holds = useQuery({ queryKey: ["holds"], queryFn: () => call("list_holds", {}) });
  return (
    <Stack gap="md">
      <Alert variant="light" icon={<IconInfoCircle size={16} />}>
        {t("holds.note")}
      </Alert>
      {holds.isPending && (
        <Center h={200}>
          <Loader />
        </Center>
      )}
      {holds.isError && <Alert color="red">{errorMessage(t, holds.error)}</Alert>}
      {holds.data && holds.data.length === 0 && (
        <Center h={200}>
          <Stack align="center" gap="xs">
            <IconLock size={32} opacity={0.4} />
            <Text c="dimmed">{t("holds.empty")}</Text>
          </Stack>
        </Center>
      )}
      {holds.data && holds.data.length > 0 && (
        <HeadedTable
          tableProps={{ striped: true, highlightOnHover: true, withTableBorder: true }}
          columns={headings(t, [
            "holds.lot",
            "failure.field.sku",
            "holds.reason",
            "holds.source",
            "holds.placed_at",
            "holds.placed_by",
          ])}
          items={holds.data}
          row={(h, i) => (
            <Table.Tr key={h.hold_ref ?? `hold-${i}`} data-testid="hold-row">
              <Table.Td>
                <Anchor
                  renderRoot={(props) => (
                    <Link {...props} to="/lots/$lotCode" params={{ lotCode: h.lot_code }} />
                  )}
                >
                  <Badge
                    color="red"
                    variant="outline"
                    leftSection={<IconLock size={10} />}
                    style={{ cursor: "pointer" }}
                  >
                    {h.lot_code}
                  </Badge>
                </Anchor>
              </Table.Td>
              <Table.Td>{h.sku}</Table.Td>
              <Table.Td>
                {t(`holds.reasons.${h.reason}`, { defaultValue: h.reason })}
                {h.quarantine && (
                  <Badge ml="xs" color="grape" variant="light">
                    {t("lots.status.quarantined")}
                  </Badge>
                )}
              </Table.Td>
              <HoldOriginCells hold={h} />
            </Table.Tr>
          )}
        />
      )}
    </Stack>
  );
}
