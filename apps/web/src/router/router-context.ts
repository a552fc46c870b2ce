import { createContext, type ReactNode } from 'react';
import type { Params } from './match-routes';
import type { Router, RouterState } from './router';

export interface RouterContextValue {
  router: Router;
  state: RouterState;
}

/** The router and what it currently shows, for the hooks and links. */
export const RouterContext = createContext<RouterContextValue | null>(null);

export interface RouteContextValue {
  params: Params;
  /** What `<Outlet />` renders here: the next route of the matched branch. */
  outlet: ReactNode;
  /** What the nearest ErrorBoundary caught (read by useRouteError). */
  error?: unknown;
}

export const RouteContext = createContext<RouteContextValue>({ params: {}, outlet: null });
