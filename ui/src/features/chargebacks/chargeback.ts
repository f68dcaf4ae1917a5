/** Colours of a chargeback's state, whatever its source. */
export const STATUS_COLOR: Record<string, string> = {
  open: "orange",
  accepted: "blue",
  disputed: "red",
  recovered: "teal",
  written_off: "gray",
};

/** Still waiting for the vendor's money. */
export function isOpen(status: string): boolean {
  return status === "open" || status === "accepted" || status === "disputed";
}
