import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { giveRecoveryAddress } from '../../test/support/recovery-kit.js';
import { withTestApp } from '../../test/support/test-app.js';
import { callAs, signedInUser, type Caller } from '../../test/support/admin-kit.js';
import {
  addStoredPasskey,
  createCustomer,
  DEFAULT_GLOBAL_SETTINGS,
  type Customer,
} from '../../test/support/admin-fixtures.js';
import { collectRouteTable } from '../infrastructure/openapi/route-table.js';
import { ServiceTokensService } from '../service-tokens/service-tokens.service.js';
import { ADMIN_ROLE_MATRIX, type RoleMatrixRow } from './admin-role-matrix.expected.js';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
interface PreparedCall {
  readonly url: string;
  readonly query?: Record<string, string>;
  readonly payload?: unknown;
}

const reason = 'Customer called; verified by callback (matrix test).';

/**
 * A valid request for each admin operation, aimed at a fresh customer (a USER account), so that
 * the status in the matrix reflects the role check alone. Keyed like the matrix.
 */
const VALID_REQUESTS: Record<string, (customer: Customer, app: NestFastifyApplication) => Promise<PreparedCall>> = {
  'GET /api/admin/me': async () => ({ url: '/api/admin/me' }),
  'GET /api/admin/mail-outbox': async () => ({ url: '/api/admin/mail-outbox' }),
  'GET /api/admin/users': async (c) => ({ url: '/api/admin/users', query: { q: c.user.email } }),
  'GET /api/admin/users/{userId}': async (c) => ({ url: `/api/admin/users/${c.user.id}` }),
  'PUT /api/admin/users/{userId}/protocol-access/{protocol}': async (c) => ({
    url: `/api/admin/users/${c.user.id}/protocol-access/POP3`,
    payload: { enabled: true, reason },
  }),
  'POST /api/admin/users/{userId}/app-passwords/{itemId}/revoke': async (c) => ({
    url: `/api/admin/users/${c.user.id}/app-passwords/${c.appPassword.id}/revoke`,
    payload: { reason },
  }),
  'POST /api/admin/users/{userId}/app-passwords/revoke-all': async (c) => ({
    url: `/api/admin/users/${c.user.id}/app-passwords/revoke-all`,
    payload: { reason },
  }),
  'POST /api/admin/users/{userId}/sessions/{itemId}/revoke': async (c) => ({
    url: `/api/admin/users/${c.user.id}/sessions/${c.sessionId}/revoke`,
    payload: { reason },
  }),
  'POST /api/admin/users/{userId}/sessions/revoke-all': async (c) => ({
    url: `/api/admin/users/${c.user.id}/sessions/revoke-all`,
    payload: { reason },
  }),
  'POST /api/admin/users/{userId}/locks/{itemId}/lift': async (c) => ({
    url: `/api/admin/users/${c.user.id}/locks/${c.lock.id}/lift`,
    payload: { reason },
  }),
  'POST /api/admin/users/{userId}/disable': async (c) => ({
    url: `/api/admin/users/${c.user.id}/disable`,
    payload: { reason },
  }),
  'POST /api/admin/users/{userId}/enable': async (c) => ({
    url: `/api/admin/users/${c.user.id}/enable`,
    payload: { reason },
  }),
  'POST /api/admin/users/{userId}/passkeys/{itemId}/remove': async (c, app) => ({
    url: `/api/admin/users/${c.user.id}/passkeys/${(await addStoredPasskey(app, c.user.id)).id}/remove`,
    payload: { reason },
  }),
  'POST /api/admin/users/{userId}/two-factor/remove': async (c) => ({
    url: `/api/admin/users/${c.user.id}/two-factor/remove`,
    payload: { reason },
  }),
  'POST /api/admin/users/{userId}/password-reset-links': async (c, app) => {
    // Staff send links only to a confirmed recovery address.
    await giveRecoveryAddress(app, c.user.id);
    return { url: `/api/admin/users/${c.user.id}/password-reset-links`, payload: { reason } };
  },
  // The customer has no recovery address: the one case where an admin may reveal a link.
  'POST /api/admin/users/{userId}/password-reset-links/reveal': async (c) => ({
    url: `/api/admin/users/${c.user.id}/password-reset-links/reveal`,
    payload: { reason },
  }),
  'PUT /api/admin/users/{userId}/role': async (c) => ({
    url: `/api/admin/users/${c.user.id}/role`,
    payload: { role: 'SUPPORT', reason },
  }),
  'GET /api/admin/audit-events': async (c) => ({ url: '/api/admin/audit-events', query: { userId: c.user.id } }),
  'GET /api/admin/audit-events/export': async (c) => ({
    url: '/api/admin/audit-events/export',
    query: { userId: c.user.id },
  }),
  'GET /api/admin/settings': async () => ({ url: '/api/admin/settings' }),
  'PUT /api/admin/settings': async () => ({
    url: '/api/admin/settings',
    payload: { ...DEFAULT_GLOBAL_SETTINGS, reason },
  }),
  'GET /api/admin/password-policy': async () => ({ url: '/api/admin/password-policy' }),
  'PUT /api/admin/password-policy': async () => ({
    url: '/api/admin/password-policy',
    payload: { minLength: 15, maxLength: 128, minScore: 3, blocklistEnabled: true, contextWords: ['mailgate'], reason },
  }),
  'GET /api/admin/service-tokens': async () => ({ url: '/api/admin/service-tokens' }),
  'POST /api/admin/service-tokens': async () => ({
    url: '/api/admin/service-tokens',
    payload: { name: `matrix-${randomUUID().slice(0, 8)}` },
  }),
  'POST /api/admin/service-tokens/{tokenId}/revoke': async (_c, app) => {
    const created = await app.get(ServiceTokensService).create({
      name: `matrix-${randomUUID().slice(0, 8)}`,
      actor: { userId: null, role: 'SYSTEM' },
      meta: null,
    });
    return { url: `/api/admin/service-tokens/${created.id}/revoke` };
  },
};

/** Targets that need a particular starting state. */
const CUSTOMER_OPTIONS: Record<string, { disabled?: true }> = {
  'POST /api/admin/users/{userId}/enable': { disabled: true },
};

let app: NestFastifyApplication;
let callers: Record<Exclude<keyof RoleMatrixRow, 'anonymous'>, Caller>;
let adminRoutes: { key: string; method: Method }[];

withTestApp((started) => ({ app } = started));
beforeAll(async () => {
  callers = {
    user: await signedInUser(app, 'USER'),
    supportWithoutTotp: await signedInUser(app, 'SUPPORT', { totp: false }),
    support: await signedInUser(app, 'SUPPORT'),
    admin: await signedInUser(app, 'ADMIN'),
  };
  adminRoutes = collectRouteTable(app)
    .map(({ operation }) => ({
      key: `${operation.method.toUpperCase()} ${operation.path}`,
      method: operation.method.toUpperCase() as Method,
      path: operation.path,
    }))
    .filter((route) => route.path.startsWith('/api/admin'));
});

describe('admin role × endpoint matrix (generated from the route table)', () => {
  it('lists every served /api/admin operation, and only those', () => {
    const served = adminRoutes.map((route) => route.key).sort();
    expect(served.length).toBeGreaterThan(0);
    expect(served).toEqual(Object.keys(ADMIN_ROLE_MATRIX).sort());
    // A request for each, so the staff columns are exercised with valid input.
    expect(served.filter((key) => !VALID_REQUESTS[key])).toEqual([]);
  });

  it('answers every admin operation with the expected status for each caller', async () => {
    const mismatches: string[] = [];
    for (const route of adminRoutes) {
      const expected = ADMIN_ROLE_MATRIX[route.key];
      const build = VALID_REQUESTS[route.key];
      if (!expected || !build) {
        mismatches.push(`${route.key}: not in the matrix or without a valid request`);
        continue;
      }
      for (const column of ['anonymous', 'user', 'supportWithoutTotp', 'support', 'admin'] as const) {
        const customer = await createCustomer(app, CUSTOMER_OPTIONS[route.key] ?? {});
        const call = await build(customer, app);
        const caller = column === 'anonymous' ? null : callers[column];
        const response = await callAs(app, caller, route.method, call.url, call);
        const code = response.statusCode >= 400 ? response.json<{ code: string }>().code : null;
        if (response.statusCode !== expected[column]) {
          mismatches.push(
            `${route.key} as ${column}: ${response.statusCode} ${code ?? ''}, expected ${expected[column]}`,
          );
        }
        // The refusals must carry the code that explains them.
        const expectedCode =
          column === 'anonymous'
            ? 'UNAUTHENTICATED'
            : column === 'user'
              ? 'FORBIDDEN'
              : column === 'supportWithoutTotp'
                ? expected.support === 403
                  ? 'FORBIDDEN'
                  : 'STAFF_TOTP_REQUIRED'
                : column === 'support' && expected.support === 403
                  ? 'FORBIDDEN'
                  : null;
        if (code !== expectedCode) mismatches.push(`${route.key} as ${column}: code ${code}, expected ${expectedCode}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
