import { Badge, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { FailureDetail } from "../../../backend/bindings/FailureDetail";
import { Fact } from "../../../components/Fact";
import { formatDateTime } from "../../../format";
import { useCategories } from "../../../queries/lists";
import { SeverityBadge } from "../badges";
import { categoryName } from "../categoryName";

export function FailureFacts({ failure }: { failure: FailureDetail }) {
  const { t, i18n } = useTranslation();
  const categories = useCategories();
  const category = categories.data?.find((c) => c.code === failure.category_code);
  return (
    <Paper withBorder p="md" radius="md">
      <SimpleGrid cols={{ base: 2, md: 3 }} spacing="md" verticalSpacing="sm">
        <Fact label={t("failure.field.occurred_at")}>
          {formatDateTime(failure.occurred_at, i18n.language)}
        </Fact>
        <Fact label={t("failure.field.sku")}>
          {failure.sku}
          <Text size="xs" c="dimmed">
            {failure.product_name}
          </Text>
        </Fact>
        <Fact label={t("failure.field.vendor")}>
          {failure.vendor_code}
          <Text size="xs" c="dimmed">
            {failure.vendor_name}
          </Text>
        </Fact>
        <Fact label={t("failure.field.lot_code")}>{failure.lot_code}</Fact>
        <Fact label={t("failure.field.stage")}>{t(`failure.stage.${failure.stage}`)}</Fact>
        <Fact label={t("failure.field.inspector")}>{failure.inspector_name}</Fact>
        <Fact label={t("failure.field.qty_failed")}>
          {t("failure_detail.qty_of", {
            failed: failure.qty_failed,
            inspected: failure.qty_inspected,
          })}
        </Fact>
        <Fact label={t("failure.field.category")}>
          {category ? categoryName(category, i18n.language) : failure.category_code}
        </Fact>
        <Fact label={t("failure.field.severity")}>
          <SeverityBadge severity={failure.severity} />
        </Fact>
        <Fact label={t("failure.field.owner_team")}>{t(`team.${failure.owner_team}`)}</Fact>
      </SimpleGrid>
      <Stack gap={4} mt="md">
        <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
          {t("failure.field.description")}
        </Text>
        <Text size="sm" style={{ whiteSpace: "pre-wrap" }} data-testid="failure-description">
          {failure.description}
        </Text>
      </Stack>
      {failure.serials.length > 0 && (
        <Stack gap={4} mt="md">
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            {failure.accepted_serials.length > 0
              ? t("failure_detail.rejected_serials")
              : t("failure.field.serials")}
          </Text>
          <Group gap={4}>
            {failure.serials.map((s) => (
              <Badge
                key={s}
                variant="light"
                color={failure.held_serials.includes(s) ? "red" : "gray"}
                ff="monospace"
                title={
                  failure.held_serials.includes(s) ? t("failure_detail.serial_held") : undefined
                }
              >
                {s}
              </Badge>
            ))}
          </Group>
        </Stack>
      )}
      {failure.accepted_serials.length > 0 && (
        <Stack gap={4} mt="md" data-testid="failure-accepted-serials">
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            {t("failure_detail.accepted_serials")}
          </Text>
          <Group gap={4}>
            {failure.accepted_serials.map((s) => (
              <Badge key={s} variant="light" color="teal" ff="monospace">
                {s}
              </Badge>
            ))}
          </Group>
        </Stack>
      )}
      {failure.reaction && (
        <Group gap="xs" mt="md" data-testid="failure-reaction">
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            {t("failure_detail.reaction")}
          </Text>
          <Badge variant="light" color={failure.reaction.held === "none" ? "gray" : "red"}>
            {t(`failure_detail.held_${failure.reaction.held}`)}
          </Badge>
          {failure.reaction.notify && (
            <Badge variant="light" color="orange" data-testid="failure-notify">
              {t("failure_detail.notify_quality")}
            </Badge>
          )}
          <Text size="xs" c="dimmed">
            {t(`failure_detail.reaction_from_${failure.reaction.source}`)}
          </Text>
        </Group>
      )}
      {failure.inspection && <InspectionSummary inspection={failure.inspection} />}
    </Paper>
  );
}

function InspectionSummary({
  inspection,
}: {
  inspection: NonNullable<FailureDetail["inspection"]>;
}) {
  const { t } = useTranslation();
  const rejected = inspection.verdict === "reject";
  return (
    <Stack gap={4} mt="md">
      <Group justify="space-between">
        <Title order={5}>{t("aql.title")}</Title>
        <Badge color={rejected ? "red" : "teal"}>{t(`aql.verdict_${inspection.verdict}`)}</Badge>
      </Group>
      <Text size="xs" c="dimmed">
        {t("failure_detail.aql_summary", {
          lot: inspection.input.lot_size,
          level: inspection.input.level,
        })}
      </Text>
      <Table withTableBorder fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("failure.field.severity")}</Table.Th>
            <Table.Th>AQL</Table.Th>
            <Table.Th>{t("aql.sample_size")}</Table.Th>
            <Table.Th>{t("aql.accept")}</Table.Th>
            <Table.Th>{t("aql.reject")}</Table.Th>
            <Table.Th>{t("aql.found")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {inspection.plans.map((p) => (
            <Table.Tr key={p.severity}>
              <Table.Td>{t(`failure.severity.${p.severity}`)}</Table.Td>
              <Table.Td>{p.aql}</Table.Td>
              <Table.Td>{p.plan.sample_size}</Table.Td>
              <Table.Td>{p.plan.accept}</Table.Td>
              <Table.Td>{p.plan.reject}</Table.Td>
              <Table.Td>{p.found}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
