import { useState } from "react";
import { useTranslation } from "react-i18next";
import { StatusSegments } from "./FilterBar";

/** A list's filter by status: All, or one status; `input` is what the list's act takes (null: all). */
export function useStatusFilter<S extends string>() {
  const [value, setValue] = useState<S | "all">("all");
  return {
    value,
    onChange: setValue,
    input: value === "all" ? null : value,
    clear: () => setValue("all"),
  };
}

/**
 * The filter's segments: All (`${list}.list.all`), then each of `statuses`, named under `names`
 * (the list's statuses, `${list}.status`, unless told).
 */
export function StatusFilter<S extends string>({
  list,
  names = `${list}.status`,
  statuses,
  filter,
  testId,
}: {
  list: string;
  names?: string;
  statuses: readonly S[];
  filter: ReturnType<typeof useStatusFilter<S>>;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <StatusSegments
      value={filter.value}
      onChange={filter.onChange}
      statuses={statuses}
      prefix={names}
      allLabel={t(`${list}.list.all`)}
      testId={testId}
    />
  );
}
