import { NativeSelect } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { usePeople } from "../../queries/lists";

/** One of the installation's people, by id; `optional` offers Nobody first. */
export function PersonSelect({
  label,
  value,
  onChange,
  error,
  optional,
  testId,
}: {
  label: string;
  value: string;
  onChange: (id: string) => void;
  error?: string;
  optional?: boolean;
  testId: string;
}) {
  const { t } = useTranslation();
  const people = usePeople();
  const options = (people.data ?? []).map((p) => ({ value: p.user_id, label: p.display_name }));
  return (
    <NativeSelect
      label={label}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
      data={
        optional ? [{ value: "", label: t("failure_detail.lines.nobody") }, ...options] : options
      }
      data-testid={testId}
    />
  );
}
