import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { FailureDetail } from "../../../backend/bindings/FailureDetail";
import { errorMessage, fieldErrors } from "../../../errors/apiError";

/**
 * Runs one change to a failure: on success the detail shows the returned state at once and the
 * list refreshes; on failure field errors go next to their fields, the rest to a notification.
 */
export function useFailureAction<I>(run: (input: I) => Promise<FailureDetail>, onDone: () => void) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const mutation = useMutation({
    mutationFn: run,
    onSuccess: (failure) => {
      client.setQueryData(["failure", failure.failure_no], failure);
      void client.invalidateQueries({ queryKey: ["failures"] });
      void client.invalidateQueries({ queryKey: ["holds"] });
      setErrors({});
      onDone();
    },
    onError: (err) => {
      const fields = fieldErrors(t, err);
      setErrors(fields);
      if (Object.keys(fields).length === 0)
        notifications.show({ color: "red", message: errorMessage(t, err) });
    },
  });
  return { mutation, errors };
}
