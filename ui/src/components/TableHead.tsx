import { Table } from "@mantine/core";
import type { ReactNode } from "react";

/** A column's heading; `right` for figures, which stand right-aligned under it. */
export type Column = ReactNode | { label: ReactNode; right: true };

const isRight = (c: Column): c is { label: ReactNode; right: true } =>
  typeof c === "object" && c !== null && "right" in c;

/** A table's one heading row, from its columns' labels (an empty string for a blank column). */
export function TableHead({ columns }: { columns: Column[] }) {
  return (
    <Table.Thead>
      <Table.Tr>
        {columns.map((c, i) =>
          isRight(c) ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed per table
            <Table.Th key={i} ta="right">
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

/**
 * The headings of a table whose columns are fields labelled `${prefix}.${key}`; a field given
 * as `{ right: key }` is a figure.
 */
export function fieldHeadings(
  t: (key: string) => string,
  prefix: string,
  keys: (string | { right: string })[],
): Column[] {
  return keys.map((k) =>
    typeof k === "string" ? t(`${prefix}.${k}`) : { label: t(`${prefix}.${k.right}`), right: true },
  );
}
