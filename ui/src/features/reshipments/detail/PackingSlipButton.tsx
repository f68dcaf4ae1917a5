import { Button } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconPrinter } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { call, savePdfFile } from "../../../backend/call";
import { errorMessage } from "../../../errors/apiError";

/** Makes the packing slip PDF in the user's language and lets them pick where to save it. */
export function PackingSlipButton({ reshipmentNo }: { reshipmentNo: string }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const print = async () => {
    setBusy(true);
    try {
      const file = await call("packing_slip", { reshipment_no: reshipmentNo });
      const path = await savePdfFile(file.file_name, file.pdf_base64);
      if (path)
        notifications.show({
          color: "teal",
          message: t("reshipment.packing_slip.saved_to", { path }),
        });
    } catch (err) {
      notifications.show({ color: "red", message: errorMessage(t, err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      variant="default"
      leftSection={<IconPrinter size={16} />}
      loading={busy}
      onClick={() => void print()}
      data-testid="rs-packing-slip"
    >
      {t("reshipment.packing_slip.button")}
    </Button>
  );
}
