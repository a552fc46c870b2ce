import type { RouteObject } from 'react-router';
import { AdminAuditPage } from '../AdminAudit/admin-audit-page';
import { AdminPolicyPage } from '../AdminPolicy/admin-policy-page';
import { AdminSettingsPage } from '../AdminSettings/admin-settings-page';
import { AdminTokensPage } from '../AdminTokens/admin-tokens-page';
import { AdminUserPage } from '../AdminUser/admin-user-page';
import { AdminUsersPage } from '../AdminUsers/admin-users-page';
import { AdminLayout } from './admin-layout';

/** The staff panel under /admin: one entry in routes.tsx, the rest lives with the panel. */
export const adminPanelRoute: RouteObject = {
  path: 'admin',
  Component: AdminLayout,
  children: [
    { index: true, Component: AdminUsersPage },
    { path: 'users/:userId', Component: AdminUserPage },
    { path: 'audit', Component: AdminAuditPage },
    { path: 'password-policy', Component: AdminPolicyPage },
    { path: 'settings', Component: AdminSettingsPage },
    { path: 'service-tokens', Component: AdminTokensPage },
  ],
};
