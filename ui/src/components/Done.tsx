import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { StepDone } from "../backend/bindings/StepDone";
import { formatDateTime } from "../format";

/**
 * When a step was done, and by whom under it; nothing while it is not. Any record's step (a
 * complaint's, a SCAR's) has this shape.
 */
export function Done({ done }: { done: StepDone | null }) {
  const { i18n } = useTranslation();
  if (!done) return null;
  return (
    <>
      {formatDateTime(done.at, i18n.language)}
      {done.by_name && (
        <Text size="xs" c="dimmed">
          {done.by_name}
        </Text>
      )}
    </>
  );
}
