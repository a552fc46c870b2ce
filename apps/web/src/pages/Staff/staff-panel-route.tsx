import type { ComponentType } from 'react';
import type { RouteObject } from '../../router/match-routes';

type AdminPanel = typeof import('../Staff/staff-panel');

/** The panel's chunk, fetched the first time any /admin route matches (and then cached). */
const loadPanel = () => import('../Staff/staff-panel');

function lazyComponent(pick: (panel: AdminPanel) => ComponentType): RouteObject['lazy'] {
  return async () => ({ Component: pick(await loadPanel()) });
}

/**
 * The staff panel under /admin: one entry in routes.tsx, the rest lives with the panel. Lazy, with
 * its texts (use-staff-messages.ts), so the portal's first page stays small.
 */
export const staffPanelRoute: RouteObject = {
  path: 'admin',
  lazy: lazyComponent((panel) => panel.StaffLayout),
  children: [
    { index: true, lazy: lazyComponent((panel) => panel.AdminUsersPage) },
    { path: 'users/:userId', lazy: lazyComponent((panel) => panel.AdminUserPage) },
    { path: 'audit', lazy: lazyComponent((panel) => panel.AdminAuditPage) },
    { path: 'password-policy', lazy: lazyComponent((panel) => panel.AdminPolicyPage) },
    { path: 'settings', lazy: lazyComponent((panel) => panel.AdminSettingsPage) },
    { path: 'service-tokens', lazy: lazyComponent((panel) => panel.AdminTokensPage) },
  ],
};
