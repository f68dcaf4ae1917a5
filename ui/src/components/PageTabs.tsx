import { Tabs } from "@mantine/core";
import type { ReactNode } from "react";

export type PageTab<T extends string> = {
  value: T;
  label: string;
  icon: ReactNode;
  testId: string;
  panel: ReactNode;
};

/**
 * A page's tabs, the chosen one kept by the caller (in the URL). Only the shown panel is
 * mounted, so a tab's queries run when it is opened; anything unknown falls back to the first tab.
 */
export function PageTabs<T extends string>({
  value,
  onChange,
  tabs,
}: {
  value: T;
  onChange: (value: T) => void;
  tabs: [PageTab<T>, ...PageTab<T>[]];
}) {
  return (
    <Tabs
      value={value}
      onChange={(v) => onChange(tabs.find((tab) => tab.value === v)?.value ?? tabs[0].value)}
      keepMounted={false}
    >
      <Tabs.List mb="md">
        {tabs.map((tab) => (
          <Tabs.Tab
            key={tab.value}
            value={tab.value}
            leftSection={tab.icon}
            data-testid={tab.testId}
          >
            {tab.label}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {tabs.map((tab) => (
        <Tabs.Panel key={tab.value} value={tab.value}>
          {tab.panel}
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}
