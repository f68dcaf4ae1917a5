import type { SearchPage } from "../../app/searchRoute";
import { ChargebacksPage } from "./ChargebacksPage";
import { type ChargebackSearch, parseChargebackSearch } from "./chargeback";

/** A review's "recovered" figure opens the claims money came back on in its period. */
export const chargebacksSearchPage: SearchPage<ChargebackSearch> = {
  validateSearch: parseChargebackSearch,
  Page: ({ search, moves }) => <ChargebacksPage search={search} onClear={moves.clear} />,
};
