import { useTranslation } from "react-i18next";
import { SearchFilter } from "./FilterBar";

/**
 * A record list's free-text search, labelled by the list's own keys: `${list}.filter.search`,
 * and `${list}.filter.text` for what may be typed.
 */
export function ListSearch({
  list,
  ...search
}: {
  list: string;
  value: string;
  onChange: (value: string) => void;
  w: number;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <SearchFilter
      label={t(`${list}.filter.search`)}
      placeholder={t(`${list}.filter.text`)}
      {...search}
    />
  );
}
