import {
  Button,
  Group,
  NativeSelect,
  Paper,
  SegmentedControl,
  Text,
  TextInput,
} from "@mantine/core";
import { IconSearch } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../errors/apiError";

/**
 * A list's filters above its table: the fields, then Clear; `after` stands at the bar's end
 * (a count), `chips` under it (filters that came with a link, each removable).
 */
export function FilterBar({
  onClear,
  clearTestId,
  after,
  chips,
  children,
}: {
  onClear: () => void;
  clearTestId?: string;
  after?: ReactNode;
  chips?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm">
      <Group gap="sm" align="flex-end" wrap="wrap">
        {children}
        <Button variant="subtle" onClick={onClear} data-testid={clearTestId}>
          {t("common.clear")}
        </Button>
        {after}
      </Group>
      {chips && (
        <Group gap="xs" mt="sm">
          {chips}
        </Group>
      )}
    </Paper>
  );
}

/** The list's free-text search (a scanner types into it too). */
export function SearchFilter({
  label,
  placeholder,
  value,
  onChange,
  w,
  testId,
}: {
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
  w: number;
  testId: string;
}) {
  return (
    <TextInput
      data-testid={testId}
      label={label}
      placeholder={placeholder}
      leftSection={<IconSearch size={14} />}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      w={w}
    />
  );
}

/** A filter by one coded field: All, then its values (`""` stands for All). */
export function ChoiceFilter<V extends string>({
  label,
  value,
  onChange,
  options,
  w,
  testId,
}: {
  label: string;
  value: V | "";
  onChange: (value: V | "") => void;
  options: { value: V; label: string }[];
  w?: number;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <NativeSelect
      label={label}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value as V | "")}
      data-testid={testId}
      data={[{ value: "", label: t("common.all") }, ...options]}
      w={w}
    />
  );
}

/** Why a list could not be read, above its (empty) table. */
export function ListError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return error ? <Text c="red">{errorMessage(t, error)}</Text> : null;
}

/** A filter by status as segments: All (`allLabel`), then each of `statuses` by its name. */
export function StatusSegments<S extends string>({
  value,
  onChange,
  statuses,
  prefix,
  allLabel,
  testId,
}: {
  value: S | "all";
  onChange: (value: S | "all") => void;
  statuses: readonly S[];
  /** The i18n prefix of the statuses' names. */
  prefix: string;
  allLabel: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const data = statuses.map((s) => ({ value: s as string, label: t(`${prefix}.${s}`) }));
  return (
    <SegmentedControl
      value={value}
      onChange={(v) => onChange(v as S | "all")}
      data={[{ value: "all", label: allLabel }, ...data]}
      data-testid={testId}
    />
  );
}
