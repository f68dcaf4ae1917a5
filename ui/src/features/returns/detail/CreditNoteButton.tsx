import { Button } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconFileInvoice } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { call, savePdfFile } from "../../../backend/call";
import { errorMessage } from "../../../errors/apiError";

/** Makes the credit note PDF (fees per line, and who approved and paid) and saves it. */
export function CreditNoteButton({ rmaNo }: { rmaNo: string }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const print = async () => {
    setBusy(true);
    try {
      const file = await call("credit_note", { rma_no: rmaNo });
      const path = await savePdfFile(file.file_name, file.pdf_base64);
      if (path)
        notifications.show({ color: "teal", message: t("returns.credit_note.saved_to", { path }) });
    } catch (err) {
      notifications.show({ color: "red", message: errorMessage(t, err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      variant="default"
      leftSection={<IconFileInvoice size={16} />}
      loading={busy}
      onClick={() => void print()}
      data-testid="rma-credit-note"
    >
      {t("returns.credit_note.button")}
    </Button>
  );
}
