import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../errors/apiError";

/**
 * Runs a save through the host's file dialog and tells the user where the file went (with
 * `savedKey`, which takes `{{path}}`), or why it did not; `busy` meanwhile. `write` resolves to
 * the path, or null if the user cancelled.
 */
export function useFileSave(savedKey = "common.saved_to") {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const save = async (write: () => Promise<string | null>) => {
    setBusy(true);
    try {
      const path = await write();
      if (path) notifications.show({ color: "teal", message: t(savedKey, { path }) });
    } catch (err) {
      notifications.show({ color: "red", message: errorMessage(t, err) });
    } finally {
      setBusy(false);
    }
  };
  return { busy, save };
}
