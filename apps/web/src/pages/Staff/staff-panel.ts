// The staff panel's code in one lazily loaded chunk (see staff-panel-route.tsx): the portal's users
// never download it.
export { AdminAuditPage } from './Audit/admin-audit-page';
export { AdminPolicyPage } from './Policy/admin-policy-page';
export { AdminSettingsPage } from './Settings/admin-settings-page';
export { AdminTokensPage } from './Tokens/admin-tokens-page';
export { AdminUserPage } from './User/admin-user-page';
export { AdminUsersPage } from './Users/admin-users-page';
export { StaffLayout } from '../Staff/staff-layout';
