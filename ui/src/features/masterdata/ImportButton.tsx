import { Button } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconFileImport } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../../backend/bindings/ApiError";
import type { Entity } from "../../backend/bindings/Entity";
import type { FieldError } from "../../backend/bindings/FieldError";
import type { ImportProgress } from "../../backend/bindings/ImportProgress";
import { cancelImport, importCsv } from "../../backend/call";
import { HiddenFileInput } from "../../components/HiddenFileInput";
import { apiErrorOf, errorMessage } from "../../errors/apiError";
import { bytesToBase64 } from "../../files/base64";
import { asksForEncoding, EncodingModal } from "./EncodingModal";
import { ImportErrorsModal } from "./ImportErrorsModal";
import { ImportProgressModal } from "./ImportProgressModal";

/** Picks a CSV file and imports it whole, or shows every bad row and imports nothing. */
export function ImportButton({ entity }: { entity: Entity }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [running, setRunning] = useState<{ file: string; progress: ImportProgress | null } | null>(
    null,
  );
  const [cancelling, setCancelling] = useState(false);
  const [problems, setProblems] = useState<{ file: string; rows: FieldError[] } | null>(null);
  const [unsure, setUnsure] = useState<{ file: File; error: ApiError } | null>(null);

  // The file's bytes, not file.text(): that reads every file as UTF-8 and turns the GBK or
  // Windows-1252 a Chinese or Dutch Excel writes into replacement characters.
  const importFile = async (file: File, encoding?: string) => {
    setBusy(true);
    setUnsure(null);
    setCancelling(false);
    setRunning({ file: file.name, progress: null });
    try {
      const csvBase64 = bytesToBase64(await file.arrayBuffer());
      const report = await importCsv(
        { entity, csv_base64: csvBase64, encoding: encoding ?? null },
        (progress) => setRunning({ file: file.name, progress }),
      );
      notifications.show({
        color: "teal",
        message: t("masterdata.imported", { count: report.imported }),
      });
      await client.invalidateQueries({ queryKey: [entity] });
    } catch (err) {
      const error = apiErrorOf(err);
      const fields = error.fields;
      if (error.message_key === "error.import.cancelled")
        notifications.show({ message: t("masterdata.import_cancelled", { file: file.name }) });
      else if (asksForEncoding(error)) setUnsure({ file, error });
      else if (fields.length > 0) setProblems({ file: file.name, rows: fields });
      else notifications.show({ color: "red", message: errorMessage(t, err) });
    } finally {
      setBusy(false);
      setRunning(null);
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
      <HiddenFileInput
        ref={input}
        accept=".csv,text/csv"
        testId={`${entity}-import-input`}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = "";
          if (file) void importFile(file);
        }}
      />
      {running && (
        <ImportProgressModal
          file={running.file}
          progress={running.progress}
          cancelling={cancelling}
          onCancel={() => {
            setCancelling(true);
            void cancelImport();
          }}
        />
      )}
      {unsure && (
        <EncodingModal
          file={unsure.file.name}
          error={unsure.error}
          onRetry={(encoding) => void importFile(unsure.file, encoding)}
          onClose={() => setUnsure(null)}
        />
      )}
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
