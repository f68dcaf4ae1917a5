import {
  Badge,
  Button,
  Center,
  Code,
  Group,
  Loader,
  NumberInput,
  Stack,
  Table,
  Text,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconDatabaseExport } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { BackupEntry } from "../../backend/bindings/BackupEntry";
import { call } from "../../backend/call";
import { HeadedTable } from "../../components/HeadedTable";
import { MutationButton } from "../../components/MutationButton";
import { Note } from "../../components/Note";
import { PageHeader } from "../../components/page/PageHeader";
import { RowButton } from "../../components/RowButton";
import { submitWith } from "../../components/submitWith";
import { fieldHeadings } from "../../components/TableHead";
import { errorMessage, fieldErrors } from "../../errors/apiError";
import { formatDateTime } from "../../format";
import { numberFormat } from "../../intl";
import { LastRestoreNotice } from "./LastRestoreNotice";
import { RestoreDialog } from "./RestoreDialog";

const BACKUPS = ["backups"];

/** A file size in the UI language: kB below a megabyte, MB above. */
export function formatSize(bytes: number, language: string): string {
  const mb = bytes >= 1_000_000;
  return numberFormat(language, {
    style: "unit",
    unit: mb ? "megabyte" : "kilobyte",
    maximumFractionDigits: 1,
  }).format(mb ? bytes / 1_000_000 : bytes / 1_000);
}

/**
 * Settings → Backups (administrators): the desk's automatic backups in its data folder, one made
 * now, how many are kept, restoring one (the app restarts to do it), and how the last restore went.
 */
export function BackupsPage() {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const list = useQuery({ queryKey: BACKUPS, queryFn: () => call("list_backups", {}) });
  const [restoring, setRestoring] = useState<BackupEntry | null>(null);
  const make = useMutation({
    mutationFn: () => call("make_backup", {}),
    onSuccess: (made) => {
      void client.invalidateQueries({ queryKey: BACKUPS });
      notifications.show({ color: "teal", message: t("backups.made", { file: made.file_name }) });
    },
    onError: (err) => notifications.show({ color: "red", message: errorMessage(t, err) }),
  });
  return (
    <Stack gap="md">
      <PageHeader title={t("backups.title")}>
        <MutationButton
          mutation={make}
          leftSection={<IconDatabaseExport size={16} />}
          testId="backups-make"
        >
          {t("backups.make_now")}
        </MutationButton>
      </PageHeader>
      <Note>{t("backups.intro")}</Note>
      {list.isPending ? (
        <Center h={200}>
          <Loader />
        </Center>
      ) : list.isError ? (
        <Text c="red">{errorMessage(t, list.error)}</Text>
      ) : (
        <>
          {list.data.last_restore && <LastRestoreNotice last={list.data.last_restore} />}
          <Text size="sm">
            {t("backups.folder")} <Code>{list.data.folder}</Code>
          </Text>
          <KeptForm kept={list.data.kept} />
          {list.data.backups.length === 0 ? (
            <Text c="dimmed" data-testid="backups-empty">
              {t("backups.none")}
            </Text>
          ) : (
            <HeadedTable
              tableProps={{ striped: true, withTableBorder: true }}
              data-testid="backups-table"
              columns={fieldHeadings(t, "backups", ["taken_at", "reason", "size", "versions", ""])}
              items={list.data.backups}
              row={(b) => (
                <Table.Tr key={b.file_name} data-testid="backup-row">
                  <Table.Td style={{ whiteSpace: "nowrap" }}>
                    {formatDateTime(b.taken_at, i18n.language)}
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light">{t(`backups.reasons.${reasonKey(b.reason)}`)}</Badge>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>
                    {formatSize(b.size_bytes, i18n.language)}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>
                    {t("backups.version_of", { app: b.app_version, schema: b.schema_version })}
                  </Table.Td>
                  <Table.Td>
                    <RowButton
                      label={t("backups.restore")}
                      onClick={() => setRestoring(b)}
                      testId="backup-restore"
                    />
                  </Table.Td>
                </Table.Tr>
              )}
            />
          )}
          {restoring && (
            <RestoreDialog
              backup={restoring}
              dataDir={list.data.data_dir}
              onClose={() => setRestoring(null)}
            />
          )}
        </>
      )}
    </Stack>
  );
}

function reasonKey(reason: string): "daily" | "upgrade" | "manual" {
  return reason === "daily" || reason === "upgrade" ? reason : "manual";
}

function KeptForm({ kept }: { kept: number }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [value, setValue] = useState<number>(kept);
  const [error, setError] = useState<string | undefined>();
  const save = useMutation({
    mutationFn: () => call("set_backups_kept", { kept: value }),
    onSuccess: (list) => {
      setError(undefined);
      client.setQueryData(BACKUPS, list);
      notifications.show({ color: "teal", message: t("backups.kept_saved", { kept: list.kept }) });
    },
    onError: (err) => {
      const fields = fieldErrors(t, err);
      setError(fields.kept);
      if (!fields.kept) notifications.show({ color: "red", message: errorMessage(t, err) });
    },
  });
  return (
    <form onSubmit={submitWith(() => save.mutate())}>
      <Group align="flex-end">
        <NumberInput
          label={t("backups.kept")}
          description={t("backups.kept_hint")}
          value={value}
          onChange={(v) => setValue(typeof v === "number" ? v : Number.parseInt(v, 10) || 0)}
          min={1}
          max={365}
          allowDecimal={false}
          error={error}
          w={260}
          data-testid="backups-kept"
        />
        <Button
          type="submit"
          variant="default"
          loading={save.isPending}
          data-testid="backups-kept-save"
        >
          {t("common.save")}
        </Button>
      </Group>
    </form>
  );
}
