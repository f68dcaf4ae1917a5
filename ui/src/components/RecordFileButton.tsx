import type { Icon } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { MadeFile } from "./FileSaveButton";
import { MadeFileButton } from "./MadeFileButton";

/**
 * What a record's file button shows: its icon, its words (`<words>.button` on it,
 * `<words>.saved_to` once saved) and its test id.
 */
export type RecordFileKind = { Icon: Icon; words: string; testId: string };

/** A button beside a record's title that saves the file an act makes for the record. */
export function RecordFileButton({
  file: { Icon, words, testId },
  make,
}: {
  file: RecordFileKind;
  make: () => Promise<MadeFile>;
}) {
  const { t } = useTranslation();
  return (
    <MadeFileButton
      icon={<Icon size={16} />}
      make={make}
      label={t(`${words}.button`)}
      testId={testId}
      savedKey={`${words}.saved_to`}
    />
  );
}
