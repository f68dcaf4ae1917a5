import { Table } from "@mantine/core";
import type { ReactNode } from "react";

/**
 * A column's heading; `right` for figures, which stand right-aligned under it (`center` for a
 * mark), `w` for a column kept to a width.
 */
export type Column = ReactNode | Labelled;
type Labelled = { label: ReactNode; right?: true; center?: true; w?: number };

const isLabelled = (c: Column): c is Labelled =>
  typeof c === "object" && c !== null && "label" in c;

/**
 * A table's one heading row, from its columns' labels (an empty string for a blank column);
 * no columns, no heading row.
 */
export function TableHead({ columns }: { columns: Column[] }) {
  if (columns.length === 0) return null;
  return (
    <Table.Thead>
      <Table.Tr>
        {columns.map((c, i) =>
          isLabelled(c) ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed per table
            <Table.Th key={i} ta={c.right ? "right" : c.center ? "center" : undefined} w={c.w}>
              {c.label}
            </Table.Th>
          ) : (
            // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed per table
            <Table.Th key={i}>{c}</Table.Th>
          ),
        )}
      </Table.Tr>
    </Table.Thead>
  );
}

/** A heading's i18n key; `{ right: key }` for a figure, an empty key for a blank column. */
export type Heading = string | { right: string };

/** The headings of a table from their i18n keys. */
export function headings(t: (key: string) => string, keys: Heading[]): Column[] {
  return keys.map((k) => (typeof k !== "string" ? { label: t(k.right), right: true } : k && t(k)));
}

/** The headings of a table whose columns are fields labelled `${prefix}.${key}`. */
export function fieldHeadings(
  t: (key: string) => string,
  prefix: string,
  keys: Heading[],
): Column[] {
  const full = (k: string) => k && `${prefix}.${k}`;
  return headings(
    t,
    keys.map((k) => (typeof k === "string" ? full(k) : { right: full(k.right) })),
  );
}
