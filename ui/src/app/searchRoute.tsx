import { type AnyRoute, createRoute } from "@tanstack/react-router";
import { type ReactNode, useMemo } from "react";

/**
 * How a page writes its URL's search back. Every move replaces the history entry: filtering a list
 * is not a step Back should undo one keystroke at a time.
 */
export type SearchMoves<S> = {
  /** A search made from the one the URL holds now. */
  update: (next: (prev: S) => S) => void;
  /** Some keys set on top of the URL's search. */
  merge: (keys: Partial<S>) => void;
  /** Some keys taken out (a filter chip's ×). */
  clear: (keys: readonly (keyof S)[]) => void;
};

/** A page whose state lives in the URL: how to read the search, and the page it shows. */
export type SearchPage<S> = {
  validateSearch: (raw: Record<string, unknown>) => S;
  Page: (props: { search: S; moves: SearchMoves<S> }) => ReactNode;
};

/** The route under `root` at `path` that shows a search page; the test harness mounts the same. */
export function searchRoute<R extends AnyRoute, P extends string, S>(
  root: R,
  path: P,
  { validateSearch, Page }: SearchPage<S>,
) {
  const route = createRoute({
    getParentRoute: () => root,
    path,
    validateSearch,
    component: function SearchRoute() {
      const search = route.useSearch() as S;
      const navigate = route.useNavigate();
      // One set of moves per navigate: pages hand them to effects and memoised callbacks.
      const moves = useMemo((): SearchMoves<S> => {
        const update = (next: (prev: S) => S) =>
          void navigate({ search: next as never, replace: true });
        const merge = (keys: Partial<S>) => update((prev) => ({ ...prev, ...keys }));
        return {
          update,
          merge,
          clear: (keys) => merge(Object.fromEntries(keys.map((k) => [k, undefined])) as Partial<S>),
        };
      }, [navigate]);
      return <Page search={search} moves={moves} />;
    },
  });
  return route;
}
