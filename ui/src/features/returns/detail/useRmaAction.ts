import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage, fieldErrors } from "../../../errors/apiError";
import type { RmaDetail } from "../types";

/**
 * Runs one step of an RMA: on success the detail shows the returned state at once and lists
 * refresh; on failure field errors go next to their fields, the rest to a notification.
 */
export function useRmaAction<I>(
  run: (input: I) => Promise<RmaDetail>,
  onDone: () => void,
  /** The fields the modal shows errors at; errors of other fields go to the notification. */
  shown: (field: string) => boolean = () => true,
) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const mutation = useMutation({
    mutationFn: run,
    onSuccess: (detail) => {
      client.setQueryData(["rma", detail.rma_no], detail);
      void client.invalidateQueries({ queryKey: ["rmas"] });
      setErrors({});
      onDone();
    },
    onError: (err) => {
      const fields = fieldErrors(t, err);
      setErrors(fields);
      const hidden = Object.entries(fields)
        .filter(([field]) => !shown(field))
        .map(([, message]) => message);
      if (Object.keys(fields).length === 0)
        notifications.show({ color: "red", message: errorMessage(t, err) });
      else if (hidden.length > 0) notifications.show({ color: "red", message: hidden.join(" · ") });
    },
  });
  return { mutation, errors };
}
