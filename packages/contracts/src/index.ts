// The package entry: every schema, type and error code shared by the API and the SPA.
export * from './common/error-codes.js';
export * from './common/problem.js';
export * from './common/strings.js';
export * from './common/operation.js';
export * from './health/health.contract.js';
export * from './auth/session-errors.js';
export * from './auth/auth.errors.js';
export * from './auth/auth.contract.js';
export * from './auth/totp.errors.js';
export * from './auth/totp.contract.js';
export * from './password-policy/password.errors.js';
export * from './password-policy/password.contract.js';
