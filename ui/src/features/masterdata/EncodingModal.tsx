import { Alert, Button, Group, Modal, Select } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../../backend/bindings/ApiError";
import { translateKey } from "../../errors/apiError";

/**
 * Encodings a CSV file from a spreadsheet is likely in, by the name the backend knows them by.
 * The names are the encodings' own, the same in every language.
 */
export const CSV_ENCODINGS = [
  { value: "utf-8", label: "UTF-8" },
  { value: "gbk", label: "GBK / GB18030 (简体中文)" },
  { value: "big5", label: "Big5 (繁體中文)" },
  { value: "windows-1252", label: "Windows-1252 (Western European)" },
  { value: "iso-8859-15", label: "ISO-8859-15 (Latin-9)" },
  { value: "shift_jis", label: "Shift_JIS (日本語)" },
  { value: "utf-16le", label: "UTF-16 LE" },
] as const;

/** The backend could not tell (or was told wrongly) which encoding the file is in. */
export function asksForEncoding(error: ApiError): boolean {
  return error.fields.some((f) => f.field === "encoding");
}

/** Says why the file was not read and lets the user name its encoding and try again. */
export function EncodingModal({
  file,
  error,
  onRetry,
  onClose,
}: {
  file: string;
  error: ApiError;
  onRetry: (encoding: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [encoding, setEncoding] = useState<string | null>(null);
  return (
    <Modal opened onClose={onClose} title={t("masterdata.encoding_title", { file })}>
      <Alert color="orange" mb="md" data-testid="import-encoding-reason">
        {translateKey(t, error.message_key, error.params, error.code)}
      </Alert>
      <Select
        label={t("masterdata.encoding_label")}
        data={CSV_ENCODINGS.map((e) => ({ ...e }))}
        value={encoding}
        onChange={setEncoding}
        data-testid="import-encoding"
      />
      <Group justify="flex-end" mt="md">
        <Button
          disabled={encoding === null}
          onClick={() => encoding && onRetry(encoding)}
          data-testid="import-encoding-retry"
        >
          {t("masterdata.encoding_retry")}
        </Button>
      </Group>
    </Modal>
  );
}
