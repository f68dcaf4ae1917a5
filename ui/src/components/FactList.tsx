import type { ReactNode } from "react";
import { NotedFact } from "./NotedFact";

/** One fact of a record, as data: its label, value and the dimmed note under it, if any. */
export type FactRow = {
  label: string;
  testId?: string;
  value: ReactNode;
  note?: ReactNode;
  noteTestId?: string;
};

/** A record's name with its code under it, or the code alone when it has no name. */
export function nameAndCode(name: string | null, code: string): Pick<FactRow, "value" | "note"> {
  return { value: name ?? code, note: name && code };
}

/** A record's facts in their order, each labelled, its note under it. */
export function FactList({ facts }: { facts: FactRow[] }) {
  return facts.map((fact) => (
    <NotedFact
      key={fact.label}
      label={fact.label}
      testId={fact.testId}
      note={fact.note}
      noteTestId={fact.noteTestId}
    >
      {fact.value}
    </NotedFact>
  ));
}
