import type { ComponentType } from 'react';

/** What a lazy route's module gives: its component (the only part of a route that may load late). */
export interface LazyRouteParts {
  Component: ComponentType;
}

/**
 * A route of the portal. The same shape as React Router's route objects for the parts the portal
 * uses, so routes.tsx reads as before: layout routes without a path, `index` routes, `:param`
 * segments, a `*` catch-all, `lazy` pages and an `ErrorBoundary` per layout.
 */
export interface RouteObject {
  path?: string;
  index?: boolean;
  Component?: ComponentType;
  lazy?: () => Promise<LazyRouteParts>;
  /** Shown instead of this route's subtree when rendering or loading anything inside it fails. */
  ErrorBoundary?: ComponentType;
  children?: RouteObject[];
}

export type Params = Readonly<Record<string, string>>;

/** One level of a matched branch, outermost (layout) first. */
export interface RouteMatch {
  route: RouteObject;
  params: Params;
}

function segmentsOf(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '');
}

/**
 * Matches `segments` against the route's own path; returns the segments left for its children, or
 * null. Static segments compare case-insensitively, as React Router did (`/Security` still works).
 */
function consume(route: RouteObject, segments: string[], params: Record<string, string>): string[] | null {
  if (route.path === undefined) return segments;
  const pattern = segmentsOf(route.path);
  for (const [position, part] of pattern.entries()) {
    if (part === '*') {
      params['*'] = segments.slice(position).join('/');
      return [];
    }
    const segment = segments[position];
    if (segment === undefined) return null;
    if (part.startsWith(':')) {
      try {
        params[part.slice(1)] = decodeURIComponent(segment);
      } catch {
        return null; // A malformed escape cannot name anything.
      }
    } else if (part.toLowerCase() !== segment.toLowerCase()) return null;
  }
  return segments.slice(pattern.length);
}

function matchBranch(routes: readonly RouteObject[], segments: string[], params: Params): RouteMatch[] | null {
  for (const route of routes) {
    const ownParams: Record<string, string> = { ...params };
    if (route.index) {
      if (segments.length === 0) return [{ route, params: ownParams }];
      continue;
    }
    const rest = consume(route, segments, ownParams);
    if (rest === null) continue;
    // A route with children matches only through one of them (or exactly, when it has an index).
    if (route.children) {
      const below = matchBranch(route.children, rest, ownParams);
      if (below) return [{ route, params: ownParams }, ...below];
      continue;
    }
    if (rest.length === 0) return [{ route, params: ownParams }];
  }
  return null;
}

/**
 * The branch of routes that `pathname` selects, outermost first, or null when nothing matches.
 * The first match in declaration order wins (no ranking), so a `*` route must come last among its
 * siblings; routes.tsx is written that way.
 */
export function matchRoutes(routes: readonly RouteObject[], pathname: string): RouteMatch[] | null {
  return matchBranch(routes, segmentsOf(pathname), {});
}
