import {
  createHashHistory,
  createRootRoute,
  createRoute,
  createRouter,
  RouterProvider,
} from "@tanstack/react-router";
import { type ReactNode, useCallback } from "react";
import { chargebacksSearchPage } from "../features/chargebacks/searchPage";
import { ConflictsPage } from "../features/conflicts/ConflictsPage";
import { DashboardPage } from "../features/dashboard/DashboardPage";
import { FailureDetailPage } from "../features/failures/detail/FailureDetailPage";
import { FailureFormPage } from "../features/failures/FailureFormPage";
import { FailuresPage } from "../features/failures/FailuresPage";
import { failureFiltersOf, parseFailureSearch } from "../features/failures/filters";
import { LotDetailPage } from "../features/lots/detail/LotDetailPage";
import {
  type LotFilters,
  type LotsTab,
  fromSearch as lotsFromSearch,
  toSearch as lotsToSearch,
  parseSearch as parseLotsSearch,
} from "../features/lots/filters";
import { LotsPage } from "../features/lots/LotsPage";
import { CustomersPage } from "../features/masterdata/CustomersPage";
import { OrdersPage } from "../features/masterdata/OrdersPage";
import { ProductsPage } from "../features/masterdata/ProductsPage";
import { VendorsPage } from "../features/masterdata/VendorsPage";
import { InboxPage } from "../features/notifications/InboxPage";
import { NotificationSettingsPage } from "../features/notifications/NotificationSettingsPage";
import { ComplaintDetailPage } from "../features/production/ComplaintDetailPage";
import { ComplaintsPage } from "../features/production/ComplaintsPage";
import type { ComplaintLinks } from "../features/production/OpenComplaintModal";
import { WorkOrderDetailPage } from "../features/production/WorkOrderDetailPage";
import { WorkOrdersPage } from "../features/production/WorkOrdersPage";
import { RecallDetailPage } from "../features/recalls/RecallDetailPage";
import { RecallsPage } from "../features/recalls/RecallsPage";
import { defaultPeriod, type Period } from "../features/reports/period";
import { ReportsPage } from "../features/reports/ReportsPage";
import { parseReportsSearch, periodOf, type ReportsTab } from "../features/reports/search";
import { ApprovalLimitsPage } from "../features/reshipments/ApprovalLimitsPage";
import { ReshipmentDetailPage } from "../features/reshipments/detail/ReshipmentDetailPage";
import { RequestFormPage } from "../features/reshipments/RequestFormPage";
import { reshipmentsSearchPage } from "../features/reshipments/searchPage";
import { RmaDetailPage } from "../features/returns/detail/RmaDetailPage";
import { OpenRmaPage } from "../features/returns/OpenRmaPage";
import { RefurbishmentPage } from "../features/returns/RefurbishmentPage";
import { ReturnPolicyPage } from "../features/returns/ReturnPolicyPage";
import { returnsSearchPage } from "../features/returns/searchPage";
import { ScarDetailPage } from "../features/scars/ScarDetailPage";
import { ScarsPage } from "../features/scars/ScarsPage";
import { BackupsPage } from "../features/settings/BackupsPage";
import { CategoriesPage } from "../features/settings/CategoriesPage";
import { LocationsPage } from "../features/settings/LocationsPage";
import { SiteTimePage } from "../features/settings/SiteTimePage";
import { TeamSyncPage } from "../features/settings/team/TeamSyncPage";
import { Shell } from "../features/shell/Shell";
import { UsersPage } from "../features/users/UsersPage";
import { searchRoute } from "./searchRoute";

const root = createRootRoute({ component: Shell });

/** A search value the app reads only when the URL holds text there. */
const textOf = (value: unknown) => (typeof value === "string" ? value : undefined);
/** The same, where an empty value means no filter at all. */
const filledOf = (value: unknown) => (value === "" ? undefined : textOf(value));

const route = <P extends string>(path: P, component: () => ReactNode) =>
  createRoute({ getParentRoute: () => root, path, component });

/** Lists take an optional `text` filter in the URL, so a search hit can open them filtered. */
const textSearch = (search: Record<string, unknown>): { text?: string } => ({
  text: textOf(search.text),
});
const page = <P extends string>(path: P, component: () => ReactNode) =>
  createRoute({ getParentRoute: () => root, path, component, validateSearch: textSearch });

/** A record's page: the path's one parameter is the page's one prop, named alike. */
const detailPage = <P extends `${string}/$${K}`, K extends string>(
  path: P,
  Page: (props: { [key in K]: string }) => ReactNode,
) => {
  const detail = route(path, function Detail() {
    return <Page {...(detail.useParams() as { [key in K]: string })} />;
  });
  return detail;
};

/** A master data list whose `?text=` fills its filter: a search hit opens it filtered to the record. */
const listPage = <P extends string>(path: P, List: (props: { filter?: string }) => ReactNode) =>
  searchRoute(root, path, {
    validateSearch: textSearch,
    Page: ({ search }) => <List filter={search.text} />,
  });

const newFailure = searchRoute(root, "/failures/new", {
  validateSearch: (search): { reinspection_of?: string; rma_no?: string; sku?: string } => ({
    reinspection_of: textOf(search.reinspection_of),
    rma_no: textOf(search.rma_no),
    sku: textOf(search.sku),
  }),
  Page: ({ search: { reinspection_of, rma_no, sku } }) => (
    <FailureFormPage
      reinspectionOf={reinspection_of ?? null}
      fromRma={rma_no && sku ? { rmaNo: rma_no, sku } : null}
    />
  ),
});

const newReshipment = searchRoute(root, "/reshipments/new", {
  validateSearch: (search): { failure?: string; rma?: string } => ({
    failure: textOf(search.failure),
    rma: textOf(search.rma),
  }),
  Page: ({ search: { failure, rma } }) => (
    <RequestFormPage failure={failure ?? null} rma={rma ?? null} />
  ),
});

/** The failure log opens with the filters a link carries (a report's bar, a vendor, a SKU). */
const failures = searchRoute(root, "/failures", {
  validateSearch: parseFailureSearch,
  // Keyed by the URL's filters: following another report link starts from its filters.
  Page: ({ search }) => (
    <FailuresPage key={JSON.stringify(search)} initial={failureFiltersOf(search)} />
  ),
});

/** Lots keep their filters and tab in the URL; the global search opens the list with `?text=`. */
const lots = searchRoute(root, "/lots", {
  validateSearch: parseLotsSearch,
  Page: function Lots({ search, moves }) {
    const onFilters = useCallback(
      (filters: LotFilters) =>
        moves.update((prev) => ({ ...lotsToSearch(filters), tab: prev.tab })),
      [moves],
    );
    const onTab = useCallback(
      (tab: LotsTab) => moves.merge({ tab: tab === "lots" ? undefined : tab }),
      [moves],
    );
    return (
      <LotsPage
        initial={lotsFromSearch(search)}
        tab={search.tab ?? "lots"}
        onFilters={onFilters}
        onTab={onTab}
      />
    );
  },
});

/** Opened from a customer, an order, a lot or a work order, the list narrows to it and offers a new one. */
const complaints = searchRoute(root, "/complaints", {
  validateSearch: (search): ComplaintLinks => ({
    customer_code: filledOf(search.customer_code),
    order_no: filledOf(search.order_no),
    lot_code: filledOf(search.lot_code),
    work_order_no: filledOf(search.work_order_no),
  }),
  Page: ({ search }) => <ComplaintsPage key={JSON.stringify(search)} links={search} />,
});

/** Reports keep their tab and period in the URL, so Back from a click-through restores them. */
const reports = searchRoute(root, "/reports", {
  validateSearch: parseReportsSearch,
  Page: function Reports({ search, moves }) {
    const onTab = useCallback(
      (tab: ReportsTab) => moves.merge({ tab: tab === "review" ? undefined : tab }),
      [moves],
    );
    const onPeriod = useCallback(
      (period: Period) => moves.merge({ from: period.from, to: period.to }),
      [moves],
    );
    return (
      <ReportsPage
        tab={search.tab ?? "review"}
        period={periodOf(search, defaultPeriod(new Date()))}
        onTab={onTab}
        onPeriod={onPeriod}
      />
    );
  },
});

/** A product's screen can be linked (`?sku=`): the dashboard's alerts open the SKU they name. */
const products = searchRoute(root, "/products", {
  validateSearch: (search): { text?: string; sku?: string } => ({
    text: textOf(search.text),
    sku: filledOf(search.sku),
  }),
  Page: ({ search: { sku, text } }) => <ProductsPage openSku={sku ?? null} filter={text} />,
});

const routeTree = root.addChildren([
  page("/", () => <FailuresPage />),
  page("/dashboard", DashboardPage),
  failures,
  newFailure,
  detailPage("/failures/$failureNo", FailureDetailPage),
  searchRoute(root, "/reshipments", reshipmentsSearchPage),
  newReshipment,
  detailPage("/reshipments/$reshipmentNo", ReshipmentDetailPage),
  searchRoute(root, "/returns", returnsSearchPage),
  page("/returns/refurbishment", RefurbishmentPage),
  route("/returns/new", OpenRmaPage),
  detailPage("/returns/$rmaNo", RmaDetailPage),
  lots,
  detailPage("/lots/$lotCode", LotDetailPage),
  route("/recalls", RecallsPage),
  detailPage("/recalls/$recallNo", RecallDetailPage),
  route("/scars", ScarsPage),
  detailPage("/scars/$scarNo", ScarDetailPage),
  route("/work-orders", WorkOrdersPage),
  detailPage("/work-orders/$workOrderNo", WorkOrderDetailPage),
  complaints,
  detailPage("/complaints/$complaintNo", ComplaintDetailPage),
  searchRoute(root, "/chargebacks", chargebacksSearchPage),
  reports,
  products,
  listPage("/vendors", VendorsPage),
  listPage("/customers", CustomersPage),
  listPage("/orders", OrdersPage),
  page("/settings/users", UsersPage),
  page("/settings/categories", CategoriesPage),
  page("/settings/locations", LocationsPage),
  page("/settings/time", SiteTimePage),
  page("/settings/backups", BackupsPage),
  page("/settings/approval-limits", ApprovalLimitsPage),
  page("/settings/returns-policy", ReturnPolicyPage),
  page("/settings/team-sync", TeamSyncPage),
  page("/conflicts", ConflictsPage),
  page("/notifications", InboxPage),
  page("/settings/notifications", NotificationSettingsPage),
]);

// Hash history: the desktop webview serves one index.html, so deep links must not hit the host.
const router = createRouter({ routeTree, history: createHashHistory() });

declare module "@tanstack/react-router" {
  interface Register {
    router: typeof router;
  }
}

export function AppRouter() {
  return <RouterProvider router={router} />;
}
