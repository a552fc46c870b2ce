/**
 * The expected status of every admin endpoint for every kind of caller. The matrix test
 * (admin-role-matrix.test.ts) walks the application's route table and fails when an `/api/admin`
 * route is missing here, or listed here but no longer served, so a new endpoint cannot be added
 * without deciding who may call it.
 *
 * Columns: no session; a USER; SUPPORT without TOTP; SUPPORT; ADMIN (stepped up).
 * Staff calls use valid input aimed at an ordinary USER account.
 */
export interface RoleMatrixRow {
  readonly anonymous: number;
  readonly user: number;
  readonly supportWithoutTotp: number;
  readonly support: number;
  readonly admin: number;
}

/** Staff endpoints: both SUPPORT and ADMIN succeed with this status. */
const staff = (status: number): RoleMatrixRow => ({
  anonymous: 401,
  user: 403,
  supportWithoutTotp: 403,
  support: status,
  admin: status,
});

/** ADMIN-only endpoints: SUPPORT is refused. */
const adminOnly = (status: number): RoleMatrixRow => ({ ...staff(status), support: 403 });

export const ADMIN_ROLE_MATRIX: Readonly<Record<string, RoleMatrixRow>> = {
  'GET /api/admin/me': staff(200),
  'GET /api/admin/mail-outbox': staff(200),
  'GET /api/admin/users': staff(200),
  'GET /api/admin/users/{userId}': staff(200),
  'PUT /api/admin/users/{userId}/protocol-access/{protocol}': staff(200),
  'POST /api/admin/users/{userId}/app-passwords/{itemId}/revoke': staff(204),
  'POST /api/admin/users/{userId}/app-passwords/revoke-all': staff(200),
  'POST /api/admin/users/{userId}/sessions/{itemId}/revoke': staff(204),
  'POST /api/admin/users/{userId}/sessions/revoke-all': staff(200),
  'POST /api/admin/users/{userId}/locks/{itemId}/lift': staff(204),
  'POST /api/admin/users/{userId}/disable': staff(200),
  'POST /api/admin/users/{userId}/enable': staff(200),
  'POST /api/admin/users/{userId}/passkeys/{itemId}/remove': staff(204),
  'POST /api/admin/users/{userId}/two-factor/remove': staff(204),
  'POST /api/admin/users/{userId}/password-reset-links': staff(201),
  'POST /api/admin/users/{userId}/password-reset-links/reveal': adminOnly(201),
  'PUT /api/admin/users/{userId}/role': adminOnly(200),
  'GET /api/admin/audit-events': staff(200),
  'GET /api/admin/audit-events/export': staff(200),
  'GET /api/admin/settings': adminOnly(200),
  'PUT /api/admin/settings': adminOnly(200),
  'GET /api/admin/password-policy': adminOnly(200),
  'PUT /api/admin/password-policy': adminOnly(200),
  'GET /api/admin/service-tokens': adminOnly(200),
  'POST /api/admin/service-tokens': adminOnly(201),
  'POST /api/admin/service-tokens/{tokenId}/revoke': adminOnly(204),
};
