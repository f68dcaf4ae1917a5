import {
  createHashHistory,
  createRootRoute,
  createRoute,
  createRouter,
  RouterProvider,
} from "@tanstack/react-router";
import { useCallback } from "react";
import { ChargebacksPage } from "../features/chargebacks/ChargebacksPage";
import { type ChargebackSearch, parseChargebackSearch } from "../features/chargebacks/chargeback";
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
import {
  DATE_RANGES,
  type DateRangeKind,
  datesOfSearch,
  filtersOfSearch,
  parseReshipmentSearch,
} from "../features/reshipments/filters";
import { RequestFormPage } from "../features/reshipments/RequestFormPage";
import { ReshipmentsPage } from "../features/reshipments/ReshipmentsPage";
import { RmaDetailPage } from "../features/returns/detail/RmaDetailPage";
import { fromSearch, parseSearch, type RmaFilters, toSearch } from "../features/returns/filters";
import { OpenRmaPage } from "../features/returns/OpenRmaPage";
import { RefurbishmentPage } from "../features/returns/RefurbishmentPage";
import { ReturnPolicyPage } from "../features/returns/ReturnPolicyPage";
import { ReturnsPage } from "../features/returns/ReturnsPage";
import { ScarDetailPage } from "../features/scars/ScarDetailPage";
import { ScarsPage } from "../features/scars/ScarsPage";
import { BackupsPage } from "../features/settings/BackupsPage";
import { CategoriesPage } from "../features/settings/CategoriesPage";
import { LocationsPage } from "../features/settings/LocationsPage";
import { SiteTimePage } from "../features/settings/SiteTimePage";
import { TeamSyncPage } from "../features/settings/team/TeamSyncPage";
import { Shell } from "../features/shell/Shell";
import { UsersPage } from "../features/users/UsersPage";

const root = createRootRoute({ component: Shell });
/** Lists take an optional `text` filter in the URL, so a search hit can open them filtered. */
const page = <P extends string>(path: P, component: () => React.ReactNode) =>
  createRoute({
    getParentRoute: () => root,
    path,
    component,
    validateSearch: (search: Record<string, unknown>): { text?: string } => ({
      text: typeof search.text === "string" ? search.text : undefined,
    }),
  });

/** A master data list whose `?text=` fills its filter: a search hit opens it filtered to the record. */
const listPage = <P extends string>(
  path: P,
  List: (props: { filter?: string }) => React.ReactNode,
) => {
  const route = page(path, function Listed() {
    const { text } = route.useSearch() as { text?: string };
    return <List filter={text} />;
  });
  return route;
};

const failureDetail = createRoute({
  getParentRoute: () => root,
  path: "/failures/$failureNo",
  component: function Detail() {
    const { failureNo } = failureDetail.useParams();
    return <FailureDetailPage failureNo={failureNo} />;
  },
});

const newFailure = createRoute({
  getParentRoute: () => root,
  path: "/failures/new",
  validateSearch: (
    search: Record<string, unknown>,
  ): { reinspection_of?: string; rma_no?: string; sku?: string } => ({
    reinspection_of:
      typeof search.reinspection_of === "string" ? search.reinspection_of : undefined,
    rma_no: typeof search.rma_no === "string" ? search.rma_no : undefined,
    sku: typeof search.sku === "string" ? search.sku : undefined,
  }),
  component: function New() {
    const { reinspection_of, rma_no, sku } = newFailure.useSearch();
    return (
      <FailureFormPage
        reinspectionOf={reinspection_of ?? null}
        fromRma={rma_no && sku ? { rmaNo: rma_no, sku } : null}
      />
    );
  },
});

const reshipmentDetail = createRoute({
  getParentRoute: () => root,
  path: "/reshipments/$reshipmentNo",
  component: function Detail() {
    const { reshipmentNo } = reshipmentDetail.useParams();
    return <ReshipmentDetailPage reshipmentNo={reshipmentNo} />;
  },
});

const newReshipment = createRoute({
  getParentRoute: () => root,
  path: "/reshipments/new",
  validateSearch: (search: Record<string, unknown>): { failure?: string; rma?: string } => ({
    failure: typeof search.failure === "string" ? search.failure : undefined,
    rma: typeof search.rma === "string" ? search.rma : undefined,
  }),
  component: function New() {
    const { failure, rma } = newReshipment.useSearch();
    return <RequestFormPage failure={failure ?? null} rma={rma ?? null} />;
  },
});

/** The failure log opens with the filters a link carries (a report's bar, a vendor, a SKU). */
const failures = createRoute({
  getParentRoute: () => root,
  path: "/failures",
  validateSearch: parseFailureSearch,
  component: function Failures() {
    const search = failures.useSearch();
    // Keyed by the URL's filters: following another report link starts from its filters.
    return <FailuresPage key={JSON.stringify(search)} initial={failureFiltersOf(search)} />;
  },
});

/**
 * Reshipments open with the filters a link carries: the global search's text, or a review's
 * figure (an SLA state and the days shipped or recovered in the period).
 */
const reshipments = createRoute({
  getParentRoute: () => root,
  path: "/reshipments",
  validateSearch: parseReshipmentSearch,
  component: function Reshipments() {
    const search = reshipments.useSearch();
    const navigate = reshipments.useNavigate();
    const onClearDates = useCallback(
      (kinds: DateRangeKind[]) =>
        void navigate({
          search: (prev) => {
            const next = { ...prev };
            for (const { kind, from, to } of DATE_RANGES) {
              if (!kinds.includes(kind)) continue;
              next[from] = undefined;
              next[to] = undefined;
            }
            return next;
          },
          replace: true,
        }),
      [navigate],
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
});

/** The returns list keeps its filters in the URL, so a filtered view can be linked and restored. */
const returns = createRoute({
  getParentRoute: () => root,
  path: "/returns",
  validateSearch: parseSearch,
  component: function Returns() {
    const search = returns.useSearch();
    const navigate = returns.useNavigate();
    const onFilters = useCallback(
      (filters: RmaFilters) => void navigate({ search: toSearch(filters), replace: true }),
      [navigate],
    );
    return <ReturnsPage initial={fromSearch(search)} onFilters={onFilters} />;
  },
});

const newRma = createRoute({
  getParentRoute: () => root,
  path: "/returns/new",
  component: OpenRmaPage,
});

const rmaDetail = createRoute({
  getParentRoute: () => root,
  path: "/returns/$rmaNo",
  component: function Detail() {
    const { rmaNo } = rmaDetail.useParams();
    return <RmaDetailPage rmaNo={rmaNo} />;
  },
});

/** Lots keep their filters and tab in the URL; the global search opens the list with `?text=`. */
const lots = createRoute({
  getParentRoute: () => root,
  path: "/lots",
  validateSearch: parseLotsSearch,
  component: function Lots() {
    const search = lots.useSearch();
    const navigate = lots.useNavigate();
    const onFilters = useCallback(
      (filters: LotFilters) =>
        void navigate({
          search: (prev) => ({ ...lotsToSearch(filters), tab: prev.tab }),
          replace: true,
        }),
      [navigate],
    );
    const onTab = useCallback(
      (tab: LotsTab) =>
        void navigate({
          search: (prev) => ({ ...prev, tab: tab === "lots" ? undefined : tab }),
          replace: true,
        }),
      [navigate],
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

const lotDetail = createRoute({
  getParentRoute: () => root,
  path: "/lots/$lotCode",
  component: function Detail() {
    const { lotCode } = lotDetail.useParams();
    return <LotDetailPage lotCode={lotCode} />;
  },
});

const recalls = createRoute({
  getParentRoute: () => root,
  path: "/recalls",
  component: RecallsPage,
});

const recallDetail = createRoute({
  getParentRoute: () => root,
  path: "/recalls/$recallNo",
  component: function Detail() {
    const { recallNo } = recallDetail.useParams();
    return <RecallDetailPage recallNo={recallNo} />;
  },
});

const scars = createRoute({
  getParentRoute: () => root,
  path: "/scars",
  component: ScarsPage,
});

const scarDetail = createRoute({
  getParentRoute: () => root,
  path: "/scars/$scarNo",
  component: function Detail() {
    const { scarNo } = scarDetail.useParams();
    return <ScarDetailPage scarNo={scarNo} />;
  },
});

const workOrders = createRoute({
  getParentRoute: () => root,
  path: "/work-orders",
  component: WorkOrdersPage,
});

const workOrderDetail = createRoute({
  getParentRoute: () => root,
  path: "/work-orders/$workOrderNo",
  component: function Detail() {
    const { workOrderNo } = workOrderDetail.useParams();
    return <WorkOrderDetailPage workOrderNo={workOrderNo} />;
  },
});

/** Opened from a customer, an order, a lot or a work order, the list narrows to it and offers a new one. */
const complaints = createRoute({
  getParentRoute: () => root,
  path: "/complaints",
  validateSearch: (search: Record<string, unknown>): ComplaintLinks => {
    const text = (key: string) =>
      typeof search[key] === "string" && search[key] !== "" ? (search[key] as string) : undefined;
    return {
      customer_code: text("customer_code"),
      order_no: text("order_no"),
      lot_code: text("lot_code"),
      work_order_no: text("work_order_no"),
    };
  },
  component: function Complaints() {
    const links = complaints.useSearch();
    return <ComplaintsPage key={JSON.stringify(links)} links={links} />;
  },
});

const complaintDetail = createRoute({
  getParentRoute: () => root,
  path: "/complaints/$complaintNo",
  component: function Detail() {
    const { complaintNo } = complaintDetail.useParams();
    return <ComplaintDetailPage complaintNo={complaintNo} />;
  },
});

/** A review's "recovered" figure opens the claims money came back on in its period. */
const chargebacks = createRoute({
  getParentRoute: () => root,
  path: "/chargebacks",
  validateSearch: parseChargebackSearch,
  component: function Chargebacks() {
    const search = chargebacks.useSearch();
    const navigate = chargebacks.useNavigate();
    const onClear = useCallback(
      (keys: (keyof ChargebackSearch)[]) =>
        void navigate({
          search: (prev) => {
            const next = { ...prev };
            for (const key of keys) next[key] = undefined;
            return next;
          },
          replace: true,
        }),
      [navigate],
    );
    return <ChargebacksPage search={search} onClear={onClear} />;
  },
});

/** Reports keep their tab and period in the URL, so Back from a click-through restores them. */
const reports = createRoute({
  getParentRoute: () => root,
  path: "/reports",
  validateSearch: parseReportsSearch,
  component: function Reports() {
    const search = reports.useSearch();
    const navigate = reports.useNavigate();
    const onTab = useCallback(
      (tab: ReportsTab) =>
        void navigate({
          search: (prev) => ({ ...prev, tab: tab === "review" ? undefined : tab }),
          replace: true,
        }),
      [navigate],
    );
    const onPeriod = useCallback(
      (period: Period) =>
        void navigate({
          search: (prev) => ({ ...prev, from: period.from, to: period.to }),
          replace: true,
        }),
      [navigate],
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
const products = createRoute({
  getParentRoute: () => root,
  path: "/products",
  validateSearch: (search: Record<string, unknown>): { text?: string; sku?: string } => ({
    text: typeof search.text === "string" ? search.text : undefined,
    sku: typeof search.sku === "string" && search.sku !== "" ? search.sku : undefined,
  }),
  component: function Products() {
    const { sku, text } = products.useSearch();
    return <ProductsPage openSku={sku ?? null} filter={text} />;
  },
});

const routeTree = root.addChildren([
  page("/", () => <FailuresPage />),
  page("/dashboard", DashboardPage),
  failures,
  newFailure,
  failureDetail,
  reshipments,
  newReshipment,
  reshipmentDetail,
  returns,
  page("/returns/refurbishment", RefurbishmentPage),
  newRma,
  rmaDetail,
  lots,
  lotDetail,
  recalls,
  recallDetail,
  scars,
  scarDetail,
  workOrders,
  workOrderDetail,
  complaints,
  complaintDetail,
  chargebacks,
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
