import {
  type AnyRoute,
  createMemoryHistory,
  createRootRoute,
  createRouter,
  RouterProvider,
} from "@tanstack/react-router";
import { type SearchPage, searchRoute } from "../app/searchRoute";
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

/** Opens `url` on one search page's route, wired as the app's router wires it. */
export function mountSearchRoute<S>(
  url: string,
  path: string,
  page: SearchPage<S>,
  session?: Session,
) {
  return mountAt(url, (root) => searchRoute(root, path, page), session);
}

/** Every element with the test id. */
export const byTestId = (id: string) =>
  document.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`);

/** The first such element's text, white space made plain (Intl puts thin spaces in ranges). */
export const testText = (id: string) => byTestId(id)[0]?.textContent?.replace(/\s/g, " ");
