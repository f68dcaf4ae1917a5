import { useCallback } from "react";
import type { SearchPage } from "../../app/searchRoute";
import {
  DATE_RANGES,
  type DateRangeKind,
  datesOfSearch,
  filtersOfSearch,
  parseReshipmentSearch,
  type ReshipmentSearch,
} from "./filters";
import { ReshipmentsPage } from "./ReshipmentsPage";

/**
 * Reshipments open with the filters a link carries: the global search's text, or a review's
 * figure (an SLA state and the days shipped or recovered in the period).
 */
export const reshipmentsSearchPage: SearchPage<ReshipmentSearch> = {
  validateSearch: parseReshipmentSearch,
  Page: function Reshipments({ search, moves }) {
    const onClearDates = useCallback(
      (kinds: DateRangeKind[]) =>
        moves.clear(
          DATE_RANGES.filter((r) => kinds.includes(r.kind)).flatMap((r) => [r.from, r.to]),
        ),
      [moves],
    );
    return (
      <ReshipmentsPage
        // Keyed by the URL's filters: following another link starts from its filters.
        key={JSON.stringify([search.text, search.sla])}
        initial={filtersOfSearch(search)}
        dates={datesOfSearch(search)}
        onClearDates={onClearDates}
      />
    );
  },
};
