import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage, fieldErrors } from "../../../errors/apiError";
import type { ReshipmentDetail } from "../types";

/**
 * Runs one change to a reshipment: on success the detail shows the returned state at once and
 * lists refresh; on failure field errors go next to their fields, the rest to a notification.
 */
export function useReshipmentAction<I>(
  run: (input: I) => Promise<ReshipmentDetail>,
  onDone: () => void,
) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const mutation = useMutation({
    mutationFn: run,
    onSuccess: (detail) => {
      client.setQueryData(["reshipment", detail.reshipment_no], detail);
      void client.invalidateQueries({ queryKey: ["reshipments"] });
      void client.invalidateQueries({ queryKey: ["orders"] });
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
