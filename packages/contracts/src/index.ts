// The package entry: every schema, type and error code shared by the API and the SPA.
export * from './common/error-codes.js';
export * from './common/problem.js';
export * from './common/strings.js';
export * from './common/operation.js';
export * from './health/health.contract.js';
export * from './auth/session-errors.js';
export * from './mail-auth/deny-reasons.js';
export * from './mail-auth/mail-auth.errors.js';
export * from './mail-auth/mail-auth.contract.js';
export * from './service-tokens/service-tokens.contract.js';
export * from './service-tokens/service-tokens.errors.js';
export * from './auth-locks/auth-locks.contract.js';
export * from './auth-locks/auth-locks.errors.js';
