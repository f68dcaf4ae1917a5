import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { FailureGroupReview } from "../../backend/bindings/FailureGroupReview";
import { ExportedSection } from "./ExportedSection";
import { type ExportTable, groupTable } from "./exports";
import { FailureGroupTable } from "./FailureGroupTable";

/** The review's exported sections: each titled `reports.${id}.title`, its file named `file`. */
const SECTIONS = {
  pareto: { file: "pareto", noted: true },
  cost: { file: "cost_of_quality", noted: true },
  timeliness: { file: "reshipment_timeliness", noted: true },
  checklist: { file: "checklist_added", noted: false },
} as const;

/**
 * A section of the review, exported as shown to `${file}_${suffix}` (the period's days) in a
 * sheet named as the section.
 */
export function ReviewSection({
  id,
  suffix,
  build,
  children,
}: {
  id: keyof typeof SECTIONS;
  suffix: string;
  build: () => ExportTable;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { file, noted } = SECTIONS[id];
  const title = t(`reports.${id}.title`);
  return (
    <ExportedSection
      title={title}
      note={noted ? t(`reports.${id}.note`) : undefined}
      testId={`review-${id}`}
      exportAs={{ name: `${file}_${suffix}`, build, testId: `export-${id}` }}
    >
      {children}
    </ExportedSection>
  );
}

/** The review's failures grouped by vendor or by SKU, and their export. */
export function FailureGroupSection({
  by,
  groups,
  total,
  suffix,
}: {
  by: "vendor" | "sku";
  groups: FailureGroupReview[];
  /** How many vendors (SKUs) had failures, of which `groups` may show the first. */
  total: number;
  suffix: string;
}) {
  const { t } = useTranslation();
  const title = t(`reports.by_${by}`);
  return (
    <ExportedSection
      title={title}
      testId={`review-by-${by}`}
      exportAs={{
        name: `failures_by_${by}_${suffix}`,
        build: () => groupTable(t, groups),
        testId: `export-by-${by}`,
      }}
    >
      <FailureGroupTable
        groups={groups}
        total={total}
        codeLabel={t(`reports.col.${by}`)}
        testId={`review-${by}-row`}
      />
    </ExportedSection>
  );
}
