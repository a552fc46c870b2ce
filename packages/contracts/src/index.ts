// The package entry: every schema, type and error code shared by the API and the SPA.
export * from './common/error-codes.js';
export * from './common/problem.js';
export * from './common/strings.js';
export * from './common/operation.js';
export * from './health/health.contract.js';
export * from './auth/session-errors.js';
export * from './admin/admin.errors.js';
export * from './admin/admin-common.js';
export * from './admin/admin-users.contract.js';
export * from './admin/admin-actions.contract.js';
export * from './admin/admin-audit.contract.js';
export * from './admin/admin-settings.contract.js';
export * from './admin/admin-service-tokens.contract.js';
export * from './admin/password-reset.contract.js';
