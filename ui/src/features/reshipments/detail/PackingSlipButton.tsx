import { IconPrinter } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { call } from "../../../backend/call";
import { FileSaveButton, saveMade } from "../../../components/FileSaveButton";

/** Makes the packing slip PDF in the user's language and lets them pick where to save it. */
export function PackingSlipButton({ reshipmentNo }: { reshipmentNo: string }) {
  const { t } = useTranslation();
  return (
    <FileSaveButton
      size="sm"
      icon={<IconPrinter size={16} />}
      write={() => call("packing_slip", { reshipment_no: reshipmentNo }).then(saveMade)}
      label={t("reshipment.packing_slip.button")}
      testId="rs-packing-slip"
      savedKey="reshipment.packing_slip.saved_to"
    />
  );
}
