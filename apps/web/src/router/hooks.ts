import { useContext, useMemo } from 'react';
import type { Params } from './match-routes';
import type { Location, NavigateOptions, Router, To } from './router';
import { RouteContext, RouterContext, type RouterContextValue } from './router-context';

function useRouterContext(): RouterContextValue {
  const value = useContext(RouterContext);
  if (!value) throw new Error('Router hooks must be used inside <RouterProvider>');
  return value;
}

export function useLocation(): Location {
  return useRouterContext().state.location;
}

/** Stable across renders, so effects may list it as a dependency. */
export function useNavigate(): Router['navigate'] {
  return useRouterContext().router.navigate;
}

export function useParams(): Params {
  return useContext(RouteContext).params;
}

/** What the nearest route ErrorBoundary caught. */
export function useRouteError(): unknown {
  return useContext(RouteContext).error;
}

type SearchParamsInit = URLSearchParams | string | Record<string, string>;

/** The query string as URLSearchParams, and a setter that navigates to the same path with new ones. */
export function useSearchParams(): [URLSearchParams, (next: SearchParamsInit, options?: NavigateOptions) => void] {
  const { router, state } = useRouterContext();
  const { search, pathname } = state.location;
  const params = useMemo(() => new URLSearchParams(search), [search]);
  const setParams = (next: SearchParamsInit, options?: NavigateOptions) => {
    const query = new URLSearchParams(next).toString();
    const to: To = { pathname, search: query ? `?${query}` : '' };
    void router.navigate(to, options);
  };
  return [params, setParams];
}
