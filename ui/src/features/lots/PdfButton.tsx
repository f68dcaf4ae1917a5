import { notifications } from "@mantine/notifications";
import { IconFileTypePdf } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type PdfRequest, printPdf } from "../../backend/call";
import { SmallButton } from "../../components/SmallButton";
import { errorMessage } from "../../errors/apiError";

/** Makes a PDF report through the backend and opens it in the system's viewer to print or keep. */
export function PdfButton({
  make,
  label,
  testId,
}: {
  make: PdfRequest;
  label: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  return (
    <SmallButton
      label={label}
      icon={IconFileTypePdf}
      loading={busy}
      onClick={async () => {
        setBusy(true);
        try {
          await printPdf(make);
        } catch (err) {
          notifications.show({ color: "red", message: errorMessage(t, err) });
        } finally {
          setBusy(false);
        }
      }}
      testId={testId}
    />
  );
}
