import { Alert, Button, Group, Modal, Stack } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../errors/apiError";

/**
 * Asks before a step that cannot be taken back: what it does (`children`), why it failed, then
 * Cancel beside the red confirm. Focus starts on Cancel, so Enter alone never takes the step.
 */
export function ConfirmModal({
  opened = true,
  onClose,
  title,
  testId,
  children,
  confirmLabel,
  confirmTestId,
  onConfirm,
  pending,
  error,
}: {
  opened?: boolean;
  onClose: () => void;
  title: string;
  testId?: string;
  children: ReactNode;
  confirmLabel: string;
  confirmTestId: string;
  onConfirm: () => void;
  pending: boolean;
  /** The last try's error, null while there is none. */
  error: unknown;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      closeButtonProps={{ "aria-label": t("common.close") }}
      data-testid={testId}
    >
      <Stack gap="md">
        {children}
        {error != null && <Alert color="red">{errorMessage(t, error)}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t("common.cancel")}
          </Button>
          <Button color="red" onClick={onConfirm} loading={pending} data-testid={confirmTestId}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
