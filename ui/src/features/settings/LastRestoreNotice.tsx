import { Alert, Code, Text } from "@mantine/core";
import { IconAlertTriangle, IconRestore } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { LastRestore } from "../../backend/bindings/LastRestore";
import { ApiFailure } from "../../backend/call";
import { errorMessage } from "../../errors/apiError";
import { formatDateTime } from "../../format";

/** How the last restore asked for in the app went: done (and where the old data went) or refused. */
export function LastRestoreNotice({ last }: { last: LastRestore }) {
  const { t, i18n } = useTranslation();
  const params = {
    file: last.file_name,
    taken: last.taken_at ? formatDateTime(last.taken_at, i18n.language) : last.file_name,
    when: formatDateTime(last.done_at, i18n.language),
    who: last.requested_by,
  };
  if (last.refused) {
    return (
      <Alert color="red" icon={<IconAlertTriangle size={16} />} data-testid="backups-last-restore">
        <Text size="sm">{t("backups.last_refused", params)}</Text>
        <Text size="sm">{errorMessage(t, new ApiFailure(last.refused))}</Text>
      </Alert>
    );
  }
  return (
    <Alert color="teal" icon={<IconRestore size={16} />} data-testid="backups-last-restore">
      <Text size="sm">{t("backups.last_done", params)}</Text>
      {last.moved_aside && (
        <Text size="sm">
          {t("backups.last_aside")} <Code>{last.moved_aside}</Code>
        </Text>
      )}
      {last.pull_first && <Text size="sm">{t("backups.last_pull_first")}</Text>}
    </Alert>
  );
}
