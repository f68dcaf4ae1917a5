import type { Dispatch, SetStateAction } from "react";

/**
 * What sets one order line's part of a form whose lines are keyed by line number: a line the
 * form has not touched yet starts as `none`.
 */
export const lineSetter =
  <L, F extends { lines: Record<number, L> }>(setForm: Dispatch<SetStateAction<F>>, none: L) =>
  (lineNo: number, patch: Partial<L>) =>
    setForm((f) => ({
      ...f,
      lines: { ...f.lines, [lineNo]: { ...(f.lines[lineNo] ?? none), ...patch } },
    }));
