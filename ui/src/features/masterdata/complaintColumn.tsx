import type { Column } from "../../components/VirtualTable";
import { ComplaintLink } from "../production/ComplaintLink";
import type { ComplaintLinks } from "../production/OpenComplaintModal";

/** A master data list's last, narrow column: a link that opens a complaint about the row. */
export function complaintColumn<T>(links: (row: T) => ComplaintLinks, testId: string): Column<T> {
  return {
    id: "complaint",
    header: "",
    enableSorting: false,
    cell: ({ row }) => <ComplaintLink links={links(row.original)} testId={testId} />,
    meta: { width: "48px" },
  } as Column<T>;
}
