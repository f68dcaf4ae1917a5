import { Drawer, Stack } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage, fieldErrors } from "../../errors/apiError";

import { FrameForm, type SubmitSpec } from "./SubmitButtons";

/**
 * A form's save: on success `onSaved(reply)`; on failure the backend's errors go next to their
 * fields, or to a notification when no field claims one. `setErrors` lets the form's own
 * checks show theirs the same way.
 */
export function useFieldSave<T>(act: () => Promise<T>, onSaved: (reply: T) => void) {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: act,
    onSuccess: onSaved,
    onError: (err) => {
      const fields = fieldErrors(t, err);
      setErrors(fields);
      if (Object.keys(fields).length === 0)
        notifications.show({ color: "red", message: errorMessage(t, err) });
    },
  });
  return { save, errors, setErrors };
}

/** A record's form in a drawer on the right: its fields, then Cancel and the submit button. */
export function DrawerForm({
  title,
  onClose,
  onSubmit,
  pending,
  children,
  ...spec
}: SubmitSpec & {
  title: string;
  onClose: () => void;
  onSubmit: () => void;
  pending: boolean;
  children: ReactNode;
}) {
  return (
    <Drawer opened onClose={onClose} position="right" title={title}>
      <FrameForm spec={spec} onClose={onClose} onSubmit={onSubmit} pending={pending}>
        <Stack gap="sm">{children}</Stack>
      </FrameForm>
    </Drawer>
  );
}
