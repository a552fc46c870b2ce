import type { ComponentType } from 'react';
import { matchRoutes, type RouteMatch, type RouteObject } from './match-routes';

export interface Location {
  pathname: string;
  search: string;
  hash: string;
  /** Tells history entries apart (two visits of the same URL have different keys). */
  key: string;
}

/** A URL (absolute, or relative to the current one, e.g. `?create=1`) or the parts to change. */
export type To = string | Partial<Pick<Location, 'pathname' | 'search' | 'hash'>>;

export interface NavigateOptions {
  /** Replace the current history entry instead of adding one (redirects, cleaned-up URLs). */
  replace?: boolean;
}

export interface RouterState {
  location: Location;
  matches: RouteMatch[];
  /** Why a lazy route's module could not load; the nearest ErrorBoundary shows it. */
  loadError?: unknown;
}

export interface Router {
  getState: () => RouterState;
  subscribe: (listener: () => void) => () => void;
  /** Resolves once the new page is shown (after its lazy module, if any, has loaded). */
  navigate: (to: To, options?: NavigateOptions) => Promise<void>;
  /** The component of a matched route: its own, or the one its lazy module brought. */
  componentOf: (route: RouteObject) => ComponentType | undefined;
}

interface HistoryState {
  key: string;
}

function readLocation(): Location {
  const { pathname, search, hash } = window.location;
  const state = window.history.state as Partial<HistoryState> | null;
  return { pathname, search, hash, key: state?.key ?? 'default' };
}

function resolveUrl(to: To): URL {
  if (typeof to === 'string') return new URL(to, window.location.href);
  const url = new URL(window.location.href);
  url.pathname = to.pathname ?? url.pathname;
  url.search = to.search ?? '';
  url.hash = to.hash ?? '';
  return url;
}

/**
 * The portal's router: the History API, the route table and the lazy pages, in ~100 lines instead
 * of React Router's ~28 kB gzip on the first page (issue 12; docs/architecture.md, "SPA routing").
 * Like React Router's data router, a navigation keeps the current page on screen until the next
 * page's lazy module has loaded, and only then changes the URL and renders.
 */
export function createRouter(routes: readonly RouteObject[]): Router {
  const loaded = new WeakMap<RouteObject, ComponentType>();
  const listeners = new Set<() => void>();
  let latest = 0;

  const componentOf = (route: RouteObject) => route.Component ?? loaded.get(route);

  function commit(next: RouterState) {
    state = next;
    for (const listener of listeners) listener();
  }

  /** Loads what the branch still lacks; null when nothing is missing, so the common case stays synchronous. */
  function loadMissing(matches: RouteMatch[]): Promise<void> | null {
    const missing = matches.filter(({ route }) => route.lazy && !componentOf(route));
    if (missing.length === 0) return null;
    return Promise.all(
      missing.map(async ({ route }) => {
        const parts = await route.lazy!();
        loaded.set(route, parts.Component);
      }),
    ).then(() => undefined);
  }

  /** Shows `location` once its modules are there; `beforeCommit` writes the history entry then. */
  async function show(location: Location, beforeCommit?: () => void): Promise<void> {
    const navigation = ++latest;
    const matches = matchRoutes(routes, location.pathname) ?? [];
    let loadError: unknown;
    const loading = loadMissing(matches);
    if (loading) {
      try {
        await loading;
      } catch (error) {
        loadError = error;
      }
      // A later navigation (another click, the back button) wins over this one.
      if (navigation !== latest) return;
    }
    beforeCommit?.();
    commit({ location, matches, loadError });
  }

  let state: RouterState = { location: readLocation(), matches: [] };
  void show(readLocation());
  window.addEventListener('popstate', () => void show(readLocation()));

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    navigate(to, options = {}) {
      const url = resolveUrl(to);
      const key = Math.random().toString(36).slice(2, 10);
      const location: Location = { pathname: url.pathname, search: url.search, hash: url.hash, key };
      const href = url.pathname + url.search + url.hash;
      return show(location, () => {
        const entry: HistoryState = { key };
        if (options.replace) window.history.replaceState(entry, '', href);
        else window.history.pushState(entry, '', href);
      });
    },
    componentOf,
  };
}
