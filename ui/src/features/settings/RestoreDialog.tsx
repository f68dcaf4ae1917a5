import {
  ActionIcon,
  Alert,
  Button,
  Code,
  CopyButton,
  Group,
  List,
  Modal,
  Stack,
  Text,
  Tooltip,
} from "@mantine/core";
import { IconAlertTriangle, IconCheck, IconCopy } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { BackupEntry } from "../../backend/bindings/BackupEntry";
import { call, restartApp } from "../../backend/call";
import { MutationButton } from "../../components/MutationButton";
import { errorMessage } from "../../errors/apiError";
import { formatDateTime } from "../../format";

/** The command that restores `backup` into `dataDir`, quoted for a terminal. */
export function restoreCommand(backup: string, dataDir: string): string {
  return `lotline restore "${backup}" --data "${dataDir}" --replace`;
}

/**
 * Restoring a backup replaces the data folder this app holds open: the backup is checked whole
 * now, and Lotline restarts and puts it in place before it opens the folder again. The command
 * line does the same with Lotline closed.
 */
export function RestoreDialog({
  backup,
  dataDir,
  onClose,
}: {
  backup: BackupEntry;
  dataDir: string;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const restore = useMutation({
    mutationFn: async () => {
      await call("request_restore", { file_name: backup.file_name });
      await restartApp();
    },
  });
  const command = restoreCommand(backup.path, dataDir);
  return (
    <Modal opened onClose={onClose} title={t("backups.restore_title")} size="lg">
      <Stack gap="sm" data-testid="backup-restore-steps">
        <Text size="sm">
          {t("backups.restore_which", { taken: formatDateTime(backup.taken_at, i18n.language) })}
        </Text>
        <List size="sm" spacing="xs">
          <List.Item>{t("backups.restore_checks")}</List.Item>
          <List.Item>{t("backups.restore_restarts")}</List.Item>
          <List.Item>{t("backups.restore_aside")}</List.Item>
          <List.Item>{t("backups.restore_team")}</List.Item>
        </List>
        {restore.isError && (
          <Alert
            color="red"
            icon={<IconAlertTriangle size={16} />}
            data-testid="backup-restore-error"
          >
            {errorMessage(t, restore.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={restore.isPending}>
            {t("common.cancel")}
          </Button>
          <MutationButton mutation={restore} color="red" testId="backup-restore-confirm">
            {t("backups.restore_now")}
          </MutationButton>
        </Group>
        <Text size="sm" c="dimmed" mt="sm">
          {t("backups.restore_cli")}
        </Text>
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <Code
            block
            style={{ flex: 1, overflowWrap: "anywhere", whiteSpace: "pre-wrap" }}
            data-testid="backup-restore-command"
          >
            {command}
          </Code>
          <CopyButton value={command}>
            {({ copied, copy }) => (
              <Tooltip label={t(copied ? "backups.copied" : "backups.copy")}>
                <ActionIcon variant="subtle" onClick={copy} aria-label={t("backups.copy")}>
                  {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                </ActionIcon>
              </Tooltip>
            )}
          </CopyButton>
        </Group>
      </Stack>
    </Modal>
  );
}
