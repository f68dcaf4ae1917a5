import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "./PageHeader";

/**
 * A record list's heading, by the list's own keys: `${list}.title`, and under it how many
 * records `${list}.count` says it holds; the list's actions on the right.
 */
export function ListHeader({
  list,
  total,
  totalTestId,
  children,
}: {
  list: string;
  total: number;
  totalTestId: string;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <PageHeader
      title={t(`${list}.title`)}
      subtitle={t(`${list}.count`, { count: total })}
      subtitleTestId={totalTestId}
    >
      {children}
    </PageHeader>
  );
}
