import type { ReactNode } from "react";

/**
 * A badge for a table cell: a span that CSS alone draws (styles.css), in Mantine's colours. A
 * list draws and drops its rows' badges on every scroll, and Mantine's `Badge` (its theme and
 * style hooks, a translation hook in each of ours) left the webview holding memory for every
 * one it ever drew: about 50 MiB per thousand rows, not given back. This holds nothing.
 */
export function CellBadge({
  color,
  variant = "light",
  children,
  testId,
  data,
}: {
  /** A Mantine colour name: "red", "teal", "gray"… */
  color: string;
  variant?: "light" | "dot";
  children: ReactNode;
  testId?: string;
  /** `data-*` attributes for tests and styles, without the prefix. */
  data?: Record<string, string>;
}) {
  const attributes = Object.fromEntries(
    Object.entries(data ?? {}).map(([name, value]) => [`data-${name}`, value]),
  );
  return (
    <span
      className={`lotline-badge lotline-badge-${variant}`}
      style={
        {
          "--cell-badge-bg": `var(--mantine-color-${color}-light)`,
          "--cell-badge-fg": `var(--mantine-color-${color}-light-color)`,
          "--cell-badge-dot": `var(--mantine-color-${color}-filled)`,
        } as React.CSSProperties
      }
      data-color={color}
      data-testid={testId}
      {...attributes}
    >
      {children}
    </span>
  );
}
