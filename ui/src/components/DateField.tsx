import { TextInput, type TextInputProps } from "@mantine/core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDateInput, readDateInput } from "../dates";

type Props = Omit<TextInputProps, "value" | "onChange" | "type"> & {
  /** ISO "2026-12-31", or "" for none. */
  value: string;
  onChange: (iso: string) => void;
};

/**
 * A date typed in the reader's language's order, not the browser's: WebKit's own date field
 * showed US "12/05/2026" in Dutch and Chinese and dropped a day-first date without a word.
 * A date that cannot be read says so, and the last good one stands.
 */
export function DateField({ value, onChange, error, ...rest }: Props) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const [text, setText] = useState(() => formatDateInput(value, language));
  const [bad, setBad] = useState(false);
  useEffect(() => {
    // A value set from outside (a preset, Clear) or a language change shows as written there.
    setText((current) => {
      const read = readDateInput(current, language);
      return read.ok && read.iso === value ? current : formatDateInput(value, language);
    });
    setBad(false);
  }, [value, language]);
  const example = formatDateInput("2026-12-31", language);
  return (
    <TextInput
      {...rest}
      inputMode="numeric"
      placeholder={example}
      value={text}
      error={bad ? t("common.bad_date", { example }) : error}
      onChange={(e) => {
        const typed = e.currentTarget.value;
        setText(typed);
        const read = readDateInput(typed, language);
        // While a date is half typed nothing changes; a complete one takes effect at once.
        if (read.ok) {
          setBad(false);
          if (read.iso !== value) onChange(read.iso);
        }
      }}
      onBlur={(e) => {
        setBad(!readDateInput(e.currentTarget.value, language).ok);
        rest.onBlur?.(e);
      }}
    />
  );
}
