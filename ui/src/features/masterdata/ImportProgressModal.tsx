import { Button, Group, Modal, Progress, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ImportProgress } from "../../backend/bindings/ImportProgress";

/** A running import: how many rows the backend has gone through, and a way to stop it. */
export function ImportProgressModal({
  file,
  progress,
  cancelling,
  onCancel,
}: {
  file: string;
  progress: ImportProgress | null;
  cancelling: boolean;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const done = progress?.done ?? 0;
  const total = progress?.total ?? 0;
  const percent = total > 0 ? Math.round((done * 100) / total) : 0;
  return (
    <Modal
      opened
      onClose={() => {}}
      withCloseButton={false}
      closeOnClickOutside={false}
      closeOnEscape={false}
      title={t("masterdata.import_progress_title", { file })}
    >
      <Stack gap="sm">
        <Progress
          value={percent}
          animated={progress?.writing === true}
          aria-label={t("masterdata.import_progress_title", { file })}
          data-testid="import-progress-bar"
        />
        <Text size="sm" data-testid="import-progress-text">
          {progress?.writing
            ? t("masterdata.import_progress_writing", { total })
            : t("masterdata.import_progress_rows", { done, total })}
        </Text>
        <Text size="xs" c="dimmed">
          {t("masterdata.import_progress_hint")}
        </Text>
        <Group justify="flex-end">
          <Button
            variant="default"
            color="red"
            loading={cancelling}
            disabled={cancelling}
            onClick={onCancel}
            data-testid="import-cancel"
          >
            {cancelling ? t("masterdata.import_cancelling") : t("masterdata.import_cancel")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
