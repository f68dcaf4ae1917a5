import type { QueryClient } from "@tanstack/react-query";
import {
  createMemoryHistory,
  createRootRoute,
  createRoute,
  createRouter,
  type RouteComponent,
  RouterProvider,
  useRouterState,
} from "@tanstack/react-router";
import type { Session } from "../backend/bindings/Session";
import { mount, settle } from "./mount";

/** Each page of a test's app by its route path (`/lots/$lotCode` as the router spells it). */
export type Pages = Record<string, RouteComponent>;

/**
 * Opens `url` in a router of `pages`, each a route under a bare root, as the app's shell would
 * show it; answers once the first queries have settled.
 */
export async function mountPages(
  url: string,
  pages: Pages,
  options: { session?: Session; client?: QueryClient } = {},
) {
  const root = createRootRoute();
  const routes = Object.entries(pages).map(([path, component]) =>
    createRoute({ getParentRoute: () => root, path, component }),
  );
  const router = createRouter({
    routeTree: root.addChildren(routes),
    history: createMemoryHistory({ initialEntries: [url] }),
  });
  const host = await mount(<RouterProvider router={router} />, options);
  await settle();
  return { router, host };
}

/**
 * Stands in for the page a link leads to: where the router is, as JSON in `testId`. With `path`
 * the pathname comes first, so that one probe can stand for several pages.
 */
export function LocationProbe({
  testId = "probe",
  path = true,
}: {
  testId?: string;
  path?: boolean;
}) {
  const location = useRouterState({ select: (s) => s.location });
  const shown = path ? { path: location.pathname, ...location.search } : location.search;
  return <pre data-testid={testId}>{JSON.stringify(shown)}</pre>;
}
