// The staff panel's code in one lazily loaded chunk (see admin-panel-route.ts): the portal's users
// never download it.
export { AdminAuditPage } from '../AdminAudit/admin-audit-page';
export { AdminPolicyPage } from '../AdminPolicy/admin-policy-page';
export { AdminSettingsPage } from '../AdminSettings/admin-settings-page';
export { AdminTokensPage } from '../AdminTokens/admin-tokens-page';
export { AdminUserPage } from '../AdminUser/admin-user-page';
export { AdminUsersPage } from '../AdminUsers/admin-users-page';
export { AdminLayout } from './admin-layout';
