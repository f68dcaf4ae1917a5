import { Anchor } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import type { ReactNode } from "react";
import type { Period } from "../reports/period";
import type { ReportsTab } from "../reports/search";

/** Opens a tab of the reports page through its own URL (`?tab=…&from=…&to=…`). */
export function ReportsLink({
  tab,
  period,
  testId,
  children,
}: {
  tab: ReportsTab;
  period?: Period;
  testId?: string;
  children: ReactNode;
}) {
  // The reports route leaves its default tab out of the URL.
  const search = { tab: tab === "review" ? undefined : tab, from: period?.from, to: period?.to };
  return (
    <Anchor
      size="sm"
      data-testid={testId}
      renderRoot={(props) => <Link {...props} to="/reports" search={search} />}
    >
      {children}
    </Anchor>
  );
}

/** Opens a product's screen on the products page. */
export function ProductLink({ sku, testId }: { sku: string; testId?: string }) {
  return (
    <Anchor
      size="sm"
      fw={600}
      data-testid={testId}
      renderRoot={(props) => <Link {...props} to="/products" search={{ sku }} />}
    >
      {sku}
    </Anchor>
  );
}
