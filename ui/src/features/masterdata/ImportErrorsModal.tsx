import { Alert, Modal, ScrollArea, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { FieldError } from "../../backend/bindings/FieldError";
import { HeadedTable } from "../../components/HeadedTable";
import { translateKey } from "../../errors/apiError";

/** Every bad row of a refused CSV file: line, column and reason; nothing of the file was kept. */
export function ImportErrorsModal({
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
        <HeadedTable
          tableProps={{ striped: true, withTableBorder: true, fz: "sm" }}
          columns={[
            { label: t("masterdata.line"), w: 80 },
            { label: t("masterdata.column"), w: 160 },
            t("masterdata.reason"),
          ]}
          items={rows}
          row={(row, i) => (
            // Errors arrive in file order and never change while shown.
            <Table.Tr key={i} data-testid="import-error-row">
              <Table.Td>{row.row ?? "—"}</Table.Td>
              <Table.Td ff="monospace">{row.field}</Table.Td>
              <Table.Td>{translateKey(t, row.message_key, row.params)}</Table.Td>
            </Table.Tr>
          )}
        />
      </ScrollArea.Autosize>
      <Text size="xs" c="dimmed" mt="sm">
        {t("masterdata.import_fix_hint")}
      </Text>
    </Modal>
  );
}
