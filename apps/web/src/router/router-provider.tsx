import { Component, useContext, useSyncExternalStore, type ComponentType, type ReactNode } from 'react';
import type { RouteMatch } from './match-routes';
import type { Location, Router } from './router';
import { RouteContext, RouterContext } from './router-context';

interface BoundaryProps {
  Fallback: ComponentType;
  location: Location;
  params: RouteMatch['params'];
  children: ReactNode;
}

interface BoundaryState {
  error: unknown;
  /** Where it failed: moving elsewhere clears the error, as a fresh page would. */
  failedAt: Location | null;
}

/** A route's ErrorBoundary: catches render errors (and failed lazy loads) of the route's subtree. */
class RouteErrorBoundary extends Component<BoundaryProps, BoundaryState> {
  override state: BoundaryState = { error: undefined, failedAt: null };

  static getDerivedStateFromError(error: unknown): Partial<BoundaryState> {
    return { error, failedAt: null };
  }

  static getDerivedStateFromProps(props: BoundaryProps, state: BoundaryState): Partial<BoundaryState> | null {
    if (state.failedAt === null && state.error !== undefined) return { failedAt: props.location };
    if (state.failedAt !== null && state.failedAt.key !== props.location.key)
      return { error: undefined, failedAt: null };
    return null;
  }

  override render() {
    const { Fallback, params, children } = this.props;
    if (this.state.error === undefined) return children;
    return (
      <RouteContext.Provider value={{ params, outlet: null, error: this.state.error }}>
        <Fallback />
      </RouteContext.Provider>
    );
  }
}

function Throw({ error }: { error: unknown }): never {
  throw error;
}

/** Renders the branch from the innermost route out, so each layout gets the next level as its outlet. */
function renderBranch(router: Router, matches: RouteMatch[], location: Location, loadError: unknown): ReactNode {
  return matches.reduceRight<ReactNode>((outlet, { route, params }) => {
    const Page = router.componentOf(route);
    const own = Page ? <Page /> : loadError !== undefined ? <Throw error={loadError} /> : null;
    const element = <RouteContext.Provider value={{ params, outlet }}>{own}</RouteContext.Provider>;
    if (!route.ErrorBoundary) return element;
    return (
      <RouteErrorBoundary Fallback={route.ErrorBoundary} location={location} params={params}>
        {element}
      </RouteErrorBoundary>
    );
  }, null);
}

export function RouterProvider({ router }: { router: Router }) {
  const state = useSyncExternalStore(router.subscribe, router.getState);
  return (
    <RouterContext.Provider value={{ router, state }}>
      {renderBranch(router, state.matches, state.location, state.loadError)}
    </RouterContext.Provider>
  );
}

/** Where a layout shows its child route. */
export function Outlet() {
  return useContext(RouteContext).outlet;
}
