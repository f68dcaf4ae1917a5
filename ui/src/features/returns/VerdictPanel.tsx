import { Group, Paper, Stack, Text, ThemeIcon, Title } from "@mantine/core";
import { IconAlertTriangle, IconCheck, IconX } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { RuleOutcome, RuleResult } from "./types";
import { outcomeSentence, RESULT_COLOR, worstResult } from "./verdict";

const ICON: Record<RuleResult, React.ReactNode> = {
  pass: <IconCheck size={14} />,
  escalate: <IconAlertTriangle size={14} />,
  refuse: <IconX size={14} />,
};

/** Every rule's outcome, each with its pass / escalate / refuse mark and its sentence. */
export function RuleOutcomes({ outcomes }: { outcomes: RuleOutcome[] }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap={6} data-testid="rma-rules">
      {outcomes.map((o, i) => (
        <Group
          // Outcomes have no id and keep the backend's order, so the index is stable.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          key={i}
          gap="xs"
          wrap="nowrap"
          align="flex-start"
          data-testid="rma-rule"
          data-rule={o.rule}
          data-result={o.result}
        >
          <ThemeIcon size="sm" radius="xl" color={RESULT_COLOR[o.result]} variant="light">
            {ICON[o.result]}
          </ThemeIcon>
          <Text size="sm">{outcomeSentence(t, o, i18n.language)}</Text>
        </Group>
      ))}
    </Stack>
  );
}

/** The verdict the rules give (or gave), with all their reasons. */
export function VerdictPanel({
  outcomes,
  policyVersion,
  busy = false,
  children,
}: {
  outcomes: RuleOutcome[];
  policyVersion?: number;
  busy?: boolean;
  children?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const worst = worstResult(outcomes);
  return (
    <Paper withBorder p="md" radius="md" data-testid="rma-verdict-panel" data-result={worst}>
      <Group justify="space-between" mb="sm">
        <Title order={5}>{t("returns.verdict_panel.title")}</Title>
        {policyVersion !== undefined && (
          <Text size="xs" c="dimmed">
            {t("returns.verdict_panel.policy_version", { version: policyVersion })}
          </Text>
        )}
      </Group>
      {outcomes.length > 0 && (
        <Text
          fw={700}
          c={RESULT_COLOR[worst]}
          mb="xs"
          data-testid="rma-check-verdict"
          style={{ opacity: busy ? 0.5 : 1 }}
        >
          {t(`returns.verdict_panel.result_${worst}`)}
        </Text>
      )}
      {children}
      <div style={{ opacity: busy ? 0.5 : 1 }}>
        <RuleOutcomes outcomes={outcomes} />
      </div>
    </Paper>
  );
}
