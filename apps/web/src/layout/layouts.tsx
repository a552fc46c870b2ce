import { useQueryClient } from '@tanstack/react-query';
import { Navigate } from '../router/links';
import { Outlet } from '../router/router-provider';
import { useLocation } from '../router/hooks';
import { useMe } from '../api/auth/queries';
import { sessionEndReason } from '../api/session-ended';
import { ErrorState, LoadingState } from '../components/query-state';
import { StepUpProvider } from '../components/step-up/step-up-provider';
import { NoticesBanner } from './notices-banner';
import { PageShell } from './page-shell';

/** Pages for signed-in users: full navigation; without a session they redirect to sign-in. */
export function PortalLayout() {
  const me = useMe();
  const location = useLocation();
  const queryClient = useQueryClient();

  if (me.isPending) {
    return (
      <PageShell showNav={false}>
        <LoadingState />
      </PageShell>
    );
  }
  if (me.isError) {
    return (
      <PageShell showNav={false}>
        <ErrorState error={me.error} onRetry={() => void me.refetch()} retrying={me.isFetching} />
      </PageShell>
    );
  }
  if (!me.data) {
    const params = new URLSearchParams({ next: location.pathname + location.search });
    const reason = sessionEndReason(queryClient);
    if (reason) params.set('reason', reason);
    return <Navigate to={`/sign-in?${params.toString()}`} replace />;
  }
  return (
    <StepUpProvider>
      <PageShell showNav>
        <NoticesBanner />
        <Outlet />
      </PageShell>
    </StepUpProvider>
  );
}

/** Pages reachable without a session (sign-in): no navigation into the portal. */
export function PublicLayout() {
  return (
    <PageShell showNav={false}>
      <Outlet />
    </PageShell>
  );
}
