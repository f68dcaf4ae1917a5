import { IconFileInvoice } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { call } from "../../../backend/call";
import { FileSaveButton, saveMade } from "../../../components/FileSaveButton";

/** Makes the credit note PDF (fees per line, and who approved and paid) and saves it. */
export function CreditNoteButton({ rmaNo }: { rmaNo: string }) {
  const { t } = useTranslation();
  return (
    <FileSaveButton
      size="sm"
      icon={<IconFileInvoice size={16} />}
      write={() => call("credit_note", { rma_no: rmaNo }).then(saveMade)}
      label={t("returns.credit_note.button")}
      testId="rma-credit-note"
      savedKey="returns.credit_note.saved_to"
    />
  );
}
