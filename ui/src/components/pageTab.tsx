import type { Icon } from "@tabler/icons-react";
import type { TFunction } from "i18next";
import type { ReactNode } from "react";
import type { PageTab } from "./PageTabs";

/** What a page with tabs is given: the tab shown, and what opens another (both in the URL). */
export type Tabbed<T extends string> = { tab: T; onTab: (tab: T) => void };

/**
 * One of `page`'s tabs: labelled `${page}.tab.${value}` unless told, its test id
 * `${page}-tab-${value}`.
 */
export function pageTab<T extends string>(
  t: TFunction,
  page: string,
  value: T,
  TabIcon: Icon,
  panel: ReactNode,
  label = t(`${page}.tab.${value}`),
): PageTab<T> {
  return { value, label, icon: <TabIcon size={14} />, testId: `${page}-tab-${value}`, panel };
}
