import { Outlet } from 'react-router';
import { PageShell } from './page-shell';

/** Pages for signed-in users: full navigation. */
export function PortalLayout() {
  return (
    <PageShell showNav>
      <Outlet />
    </PageShell>
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
