import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage, fieldErrors } from "../../../errors/apiError";

/**
 * One required text sent to the backend (a note, a recall's reason): the backend's error for
 * `field` shows at the input, any other one beside it, so neither is lost.
 */
export function useTextSubmit(field: string, run: (text: string) => Promise<void>) {
  const { t } = useTranslation();
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [other, setOther] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (text.trim() === "") {
      setError(t("error.field.required"));
      return;
    }
    setBusy(true);
    setError(null);
    setOther(null);
    try {
      await run(text.trim());
    } catch (err) {
      const fields = fieldErrors(t, err);
      if (fields[field] !== undefined) setError(fields[field]);
      else setOther(errorMessage(t, err));
    } finally {
      setBusy(false);
    }
  };
  return { text, setText, error, other, busy, submit };
}
