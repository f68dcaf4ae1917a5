import {
  type AnyRoute,
  createMemoryHistory,
  createRootRoute,
  createRoute,
  createRouter,
  RouterProvider,
} from "@tanstack/react-router";
import type { ReactNode } from "react";
import type { Session } from "../backend/bindings/Session";
import { mount, settle } from "./mount";

const bareRoot = () => createRootRoute();
type Root = ReturnType<typeof bareRoot>;

/** Opens `url` on one route of the app (built by `routeOf` under a bare root), as the router shows it. */
export async function mountAt(url: string, routeOf: (root: Root) => AnyRoute, session?: Session) {
  const root = bareRoot();
  const router = createRouter({
    routeTree: root.addChildren([routeOf(root)]),
    history: createMemoryHistory({ initialEntries: [url] }),
  });
  await mount(<RouterProvider router={router} />, { session });
  await settle();
  return router;
}

/** How a list page's route moves its URL: all its filters at once, or some keys cleared (a chip's ×). */
export type SearchMoves = {
  replace: (search: object) => void;
  clear: (keys: readonly string[]) => void;
};

/**
 * Opens `url` on one route whose filters live in the URL, wired as the app's router wires a list page:
 * `page` gets the parsed search and the moves that write it back, so the URL round trip is tested too.
 */
export function mountSearchRoute<S>(
  url: string,
  path: string,
  validateSearch: (raw: Record<string, unknown>) => S,
  page: (search: S, moves: SearchMoves) => ReactNode,
  session?: Session,
) {
  return mountAt(
    url,
    (root) => {
      const route = createRoute({
        getParentRoute: () => root,
        path,
        validateSearch,
        component: function SearchPage() {
          const search = route.useSearch() as S;
          const navigate = route.useNavigate();
          return page(search, {
            replace: (next) => void navigate({ search: next as never, replace: true }),
            clear: (keys) =>
              void navigate({
                search: ((prev: Record<string, unknown>) => ({
                  ...prev,
                  ...Object.fromEntries(keys.map((k) => [k, undefined])),
                })) as never,
              }),
          });
        },
      });
      return route;
    },
    session,
  );
}

/** Every element with the test id. */
export const byTestId = (id: string) =>
  document.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`);

/** The first such element's text, white space made plain (Intl puts thin spaces in ranges). */
export const testText = (id: string) => byTestId(id)[0]?.textContent?.replace(/\s/g, " ");
