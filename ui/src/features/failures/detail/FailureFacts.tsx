import { Badge, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { FailureDetail } from "../../../backend/bindings/FailureDetail";
import { FactList } from "../../../components/FactList";
import { SerialBadges } from "../../../components/SerialBadges";
import { FactLabel, TextFact } from "../../../components/TextFact";
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
        <FactList
          facts={[
            {
              label: t("failure.field.occurred_at"),
              value: formatDateTime(failure.occurred_at, i18n.language),
            },
            { label: t("failure.field.sku"), value: failure.sku, note: failure.product_name },
            {
              label: t("failure.field.vendor"),
              value: failure.vendor_code,
              note: failure.vendor_name,
            },
            { label: t("failure.field.lot_code"), value: failure.lot_code },
            { label: t("failure.field.stage"), value: t(`failure.stage.${failure.stage}`) },
            { label: t("failure.field.inspector"), value: failure.inspector_name },
            {
              label: t("failure.field.qty_failed"),
              value: t("failure_detail.qty_of", {
                failed: failure.qty_failed,
                inspected: failure.qty_inspected,
              }),
            },
            {
              label: t("failure.field.category"),
              value: category ? categoryName(category, i18n.language) : failure.category_code,
            },
            {
              label: t("failure.field.severity"),
              value: <SeverityBadge severity={failure.severity} />,
            },
            { label: t("failure.field.owner_team"), value: t(`team.${failure.owner_team}`) },
          ]}
        />
      </SimpleGrid>
      <Stack gap={4} mt="md">
        <TextFact label={t("failure.field.description")} testId="failure-description">
          {failure.description}
        </TextFact>
      </Stack>
      {failure.serials.length > 0 && (
        <Stack gap={4} mt="md">
          <FactLabel>
            {failure.accepted_serials.length > 0
              ? t("failure_detail.rejected_serials")
              : t("failure.field.serials")}
          </FactLabel>
          <SerialBadges
            serials={failure.serials}
            gap={4}
            color={(s) => (failure.held_serials.includes(s) ? "red" : "gray")}
            title={(s) =>
              failure.held_serials.includes(s) ? t("failure_detail.serial_held") : undefined
            }
          />
        </Stack>
      )}
      {failure.accepted_serials.length > 0 && (
        <Stack gap={4} mt="md" data-testid="failure-accepted-serials">
          <FactLabel>{t("failure_detail.accepted_serials")}</FactLabel>
          <SerialBadges serials={failure.accepted_serials} gap={4} color={() => "teal"} />
        </Stack>
      )}
      {failure.reaction && (
        <Group gap="xs" mt="md" data-testid="failure-reaction">
          <FactLabel>{t("failure_detail.reaction")}</FactLabel>
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
