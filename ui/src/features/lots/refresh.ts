import type { QueryClient } from "@tanstack/react-query";

/** After a hold, a release or a recall: every view of lots, holds and recalls may have changed. */
export function refreshLotViews(client: QueryClient): void {
  for (const key of ["lot", "lots", "holds", "trace", "recall_scope", "recalls", "recall"]) {
    void client.invalidateQueries({ queryKey: [key] });
  }
}
