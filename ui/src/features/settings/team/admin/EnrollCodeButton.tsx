import { Button, Code, CopyButton, Group, Modal, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconKey } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { call } from "../../../../backend/call";
import { errorMessage } from "../../../../errors/apiError";
import { formatDateTime } from "../../../../format";

/** A one-time code for a new desk, shown once: the server keeps only its hash. */
export function EnrollCodeButton() {
  const { t, i18n } = useTranslation();
  const issue = useMutation({
    mutationFn: () => call("issue_team_enroll_code", {}),
    onError: (err) => notifications.show({ color: "red", message: errorMessage(t, err) }),
  });
  const code = issue.data;
  return (
    <>
      <Button
        variant="light"
        leftSection={<IconKey size={16} />}
        onClick={() => issue.mutate()}
        loading={issue.isPending}
        data-testid="team-issue-code"
      >
        {t("sync.admin.issue_code")}
      </Button>
      <Modal
        opened={Boolean(code)}
        onClose={() => issue.reset()}
        title={t("sync.admin.code_title")}
        closeButtonProps={{ "aria-label": t("common.close") }}
      >
        {code && (
          <Stack gap="md">
            <Text size="sm">{t("sync.admin.code_body")}</Text>
            <Code block fz="lg" ta="center" data-testid="team-issued-code">
              {code.code}
            </Code>
            <Text size="sm" c="dimmed">
              {t("sync.admin.code_expires", {
                time: formatDateTime(code.expires_at, i18n.language),
              })}
            </Text>
            <Group justify="flex-end">
              <CopyButton value={code.code}>
                {({ copied, copy }) => (
                  <Button variant="default" onClick={copy}>
                    {copied ? t("sync.admin.copied") : t("sync.admin.copy")}
                  </Button>
                )}
              </CopyButton>
              <Button onClick={() => issue.reset()} data-testid="team-code-done">
                {t("sync.admin.done")}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}
