import { Alert, Modal, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type UseMutationResult, useMutation, useQueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage, fieldErrors } from "../errors/apiError";

import { SubmitButtons } from "./forms/SubmitButtons";

type Save = UseMutationResult<unknown, Error, void>;

/** A notice other than the usual green one, when the reply says not everything went as asked. */
export type SavedNotice = { color: string; message: string };

/**
 * A form's save: runs `act`; on success refreshes the `refresh` queries, shows `saved(reply)` and
 * closes. `errors` holds the backend's message per field, for the form's inputs.
 */
export function useFormSave<T>({
  act,
  refresh,
  saved,
  onClose,
}: {
  act: () => Promise<T>;
  refresh: string[];
  saved: (reply: T) => string | SavedNotice;
  onClose: () => void;
}): { save: Save; errors: Record<string, string> } {
  const { t } = useTranslation();
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: act,
    onSuccess: (reply) => {
      for (const key of refresh) void client.invalidateQueries({ queryKey: [key] });
      const notice = saved(reply);
      notifications.show(typeof notice === "string" ? { color: "teal", message: notice } : notice);
      onClose();
    },
  });
  return { save, errors: save.error ? fieldErrors(t, save.error) : {} };
}

/**
 * A modal form with Cancel and Save. An error no field claims is shown above the buttons;
 * field errors are the form's to show (from `useFormSave`).
 */
export function FormModal({
  title,
  intro,
  size,
  save,
  saveTestId,
  onClose,
  children,
}: {
  title: string;
  /** What the form is for, above its fields. */
  intro?: ReactNode;
  size?: string;
  save: Save;
  saveTestId: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const general = save.error && Object.keys(fieldErrors(t, save.error)).length === 0;
  return (
    <Modal opened onClose={onClose} title={title} size={size}>
      <Stack gap="sm">
        {intro && (
          <Text size="sm" c="dimmed">
            {intro}
          </Text>
        )}
        {children}
        {general && <Alert color="red">{errorMessage(t, save.error)}</Alert>}
        <SubmitButtons
          onCancel={onClose}
          onSubmit={() => save.mutate()}
          pending={save.isPending}
          testId={saveTestId}
        />
      </Stack>
    </Modal>
  );
}
