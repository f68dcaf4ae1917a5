import { Alert, Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ApprovalList } from "../../../components/approvals/ApprovalList";
import { refusalParams, requirementSentence } from "../../../components/approvals/requirement";
import type { ReshipmentDetail } from "../types";

/** What approval the reshipment needs, who may give it, who gave it, and why I may not. */
export function ApprovalsPanel({ detail }: { detail: ReshipmentDetail }) {
  const { t, i18n } = useTranslation();
  const sentence = requirementSentence(detail.requirement, i18n.language);
  const waiting = detail.status === "requested";
  return (
    <Paper withBorder p="md" radius="md" data-testid="rs-approvals">
      <Title order={5} mb="sm">
        {t("reshipment.approvals.title")}
      </Title>
      <Stack gap="xs">
        <Text size="sm" data-testid="rs-requirement">
          {t(sentence.key, sentence.params)}
        </Text>
        {detail.approver_roles.length > 0 && (
          <Text size="sm" c="dimmed">
            {t("reshipment.approvals.who", {
              roles: detail.approver_roles.map((r) => t(`role.${r}`)).join(", "),
            })}
          </Text>
        )}
        {detail.approvals.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("reshipment.approvals.none_yet")}
          </Text>
        ) : (
          <ApprovalList approvals={detail.approvals} testId="rs-approval" />
        )}
        {waiting && detail.my_refusal && (
          <Alert color="orange" variant="light" p="xs">
            <Text size="sm" data-testid="rs-refusal">
              {t(detail.my_refusal.key, {
                ...refusalParams(detail.my_refusal.limit_minor, detail.requirement, i18n.language),
                reshipment_no: detail.reshipment_no,
                status: t(`reshipment.status_word.${detail.status}`),
              })}
            </Text>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
