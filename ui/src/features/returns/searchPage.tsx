import { useCallback } from "react";
import type { SearchPage } from "../../app/searchRoute";
import { fromSearch, parseSearch, type RmaFilters, type RmaSearch, toSearch } from "./filters";
import { ReturnsPage } from "./ReturnsPage";

/** The returns list keeps its filters in the URL, so a filtered view can be linked and restored. */
export const returnsSearchPage: SearchPage<RmaSearch> = {
  validateSearch: parseSearch,
  Page: function Returns({ search, moves }) {
    const onFilters = useCallback(
      (filters: RmaFilters) => moves.update(() => toSearch(filters)),
      [moves],
    );
    return <ReturnsPage initial={fromSearch(search)} onFilters={onFilters} />;
  },
};
