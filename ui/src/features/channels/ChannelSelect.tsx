import { NativeSelect } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { SalesChannel } from "../../backend/bindings/SalesChannel";
import { CHANNELS, channelName, channelOf } from "./channels";

/** A record's sales channel; the empty choice is "unspecified". */
export function ChannelSelect({
  value,
  onChange,
  error,
  description,
  disabled,
  testId,
}: {
  value: SalesChannel | null;
  onChange: (value: SalesChannel | null) => void;
  error?: string;
  description?: string;
  disabled?: boolean;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <NativeSelect
      label={t("channel.label")}
      value={value ?? ""}
      onChange={(e) => onChange(channelOf(e.currentTarget.value))}
      data={[
        { value: "", label: channelName(t, null) },
        ...CHANNELS.map((c) => ({ value: c, label: channelName(t, c) })),
      ]}
      error={error}
      description={description}
      disabled={disabled}
      data-testid={testId}
    />
  );
}
