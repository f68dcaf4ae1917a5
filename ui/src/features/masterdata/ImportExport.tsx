import { Alert, Button, Modal, ScrollArea, Table, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconDownload, IconFileImport } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Entity } from "../../backend/bindings/Entity";
import type { FieldError } from "../../backend/bindings/FieldError";
import { call, saveTextFile } from "../../backend/call";
import { apiErrorOf, errorMessage, translateKey } from "../../errors/apiError";

/** Picks a CSV file and imports it whole, or shows every bad row and imports nothing. */
export function ImportButton({ entity }: { entity: Entity }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<{ file: string; rows: FieldError[] } | null>(null);

  const importFile = async (file: File) => {
    setBusy(true);
    try {
      const report = await call("import_csv", { entity, csv: await file.text() });
      notifications.show({
        color: "teal",
        message: t("masterdata.imported", { count: report.imported }),
      });
      await client.invalidateQueries({ queryKey: [entity] });
    } catch (err) {
      const fields = apiErrorOf(err).fields;
      if (fields.length > 0) setProblems({ file: file.name, rows: fields });
      else notifications.show({ color: "red", message: errorMessage(t, err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button
        variant="default"
        leftSection={<IconFileImport size={16} />}
        loading={busy}
        onClick={() => input.current?.click()}
        data-testid={`${entity}-import`}
      >
        {t("masterdata.import_csv")}
      </Button>
      <input
        ref={input}
        type="file"
        accept=".csv,text/csv"
        data-testid={`${entity}-import-input`}
        style={{ position: "absolute", width: 1, height: 1, opacity: 0, overflow: "hidden" }}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = "";
          if (file) void importFile(file);
        }}
      />
      {problems && (
        <ImportErrorsModal
          file={problems.file}
          rows={problems.rows}
          onClose={() => setProblems(null)}
        />
      )}
    </>
  );
}

function ImportErrorsModal({
  file,
  rows,
  onClose,
}: {
  file: string;
  rows: FieldError[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={onClose} size="xl" title={t("masterdata.import_failed_title", { file })}>
      <Alert color="red" mb="md" data-testid="import-errors">
        {t("masterdata.import_failed_body", { count: rows.length })}
      </Alert>
      <ScrollArea.Autosize mah="60vh">
        <Table striped withTableBorder fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={80}>{t("masterdata.line")}</Table.Th>
              <Table.Th w={160}>{t("masterdata.column")}</Table.Th>
              <Table.Th>{t("masterdata.reason")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row, i) => (
              // Errors arrive in file order and never change while shown.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <Table.Tr key={i} data-testid="import-error-row">
                <Table.Td>{row.row ?? "—"}</Table.Td>
                <Table.Td ff="monospace">{row.field}</Table.Td>
                <Table.Td>{translateKey(t, row.message_key, row.params)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
      <Text size="xs" c="dimmed" mt="sm">
        {t("masterdata.import_fix_hint")}
      </Text>
    </Modal>
  );
}

export function ExportButton({ entity }: { entity: Entity }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const exportCsv = async () => {
    setBusy(true);
    try {
      const out = await call("export_csv", { entity });
      const path = await saveTextFile(out.file_name, out.csv);
      if (path) notifications.show({ color: "teal", message: t("common.saved_to", { path }) });
    } catch (err) {
      notifications.show({ color: "red", message: errorMessage(t, err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      variant="default"
      leftSection={<IconDownload size={16} />}
      loading={busy}
      onClick={() => void exportCsv()}
      data-testid={`${entity}-export`}
    >
      {t("common.export_csv")}
    </Button>
  );
}
