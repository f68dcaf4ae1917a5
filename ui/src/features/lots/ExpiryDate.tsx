import { Text, Tooltip } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { expiryState, formatDay } from "./dates";

const COLOR = { expired: "red", soon: "orange", ok: undefined, none: undefined } as const;

/** An expiry day, red once past and orange within the warning window. */
export function ExpiryDate({ value, testId }: { value: string | null; testId?: string }) {
  const { t, i18n } = useTranslation();
  const state = expiryState(value, new Date());
  const text = (
    <Text
      span
      inherit
      c={COLOR[state]}
      fw={state === "expired" || state === "soon" ? 600 : undefined}
      data-testid={testId}
      data-expiry={state}
    >
      {formatDay(value, i18n.language) || "—"}
    </Text>
  );
  if (state !== "expired" && state !== "soon") return text;
  return <Tooltip label={t(`lots.expiry.${state}`)}>{text}</Tooltip>;
}
