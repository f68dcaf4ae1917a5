import type { ReactNode } from "react";
import { ExportButtons } from "./ExportButtons";
import type { ExportTable } from "./exports";
import { ReportSection } from "./ReportSection";

/**
 * A report section whose table exports as shown, in a sheet named as the section; its own
 * `actions` stand before the export. No `exportAs` (nothing read yet), no export.
 */
export function ExportedSection({
  title,
  note,
  testId,
  actions,
  exportAs,
  children,
}: {
  title: string;
  note?: string;
  testId: string;
  actions?: ReactNode;
  /** The file's name without extension, what it holds, and the CSV button's test id. */
  exportAs?: { name: string; build: () => ExportTable; testId: string };
  children: ReactNode;
}) {
  return (
    <ReportSection
      title={title}
      note={note}
      testId={testId}
      actions={
        <>
          {actions}
          {exportAs && <ExportButtons {...exportAs} sheet={title} />}
        </>
      }
    >
      {children}
    </ReportSection>
  );
}
