import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../../test/support/test-app.js';
import { callAs, signedInUser, type Caller } from '../../../../test/support/admin-kit.js';
import { createCustomer } from '../../../../test/support/admin-fixtures.js';
import { mailAuthEnv, TEST_MAIL_TOKEN } from '../../../../test/support/mail-auth-client.js';
import { collectRouteTable } from '../../openapi/route-table.js';

/**
 * No API answer may be kept by a browser or proxy cache: several carry secrets that are shown
 * once. Walks the served route table (every operation, whatever it answers: success, refusal or
 * validation error) and checks the headers, then the answers that carry secrets one by one.
 */
let app: NestFastifyApplication;
let admin: Caller;
let user: Caller;

beforeAll(async () => {
  app = await createTestApp(mailAuthEnv());
  admin = await signedInUser(app, 'ADMIN');
  user = await signedInUser(app, 'USER');
});
afterAll(() => app.close());

function expectNoStore(response: { headers: Record<string, unknown> }, label: string) {
  expect(response.headers['cache-control'], label).toBe('no-store');
  expect(response.headers.pragma, label).toBe('no-cache');
}

describe('Cache-Control: no-store on /api', () => {
  it('is sent by every served operation, signed in or not', async () => {
    const routes = collectRouteTable(app).map((entry) => entry.operation);
    expect(routes.length).toBeGreaterThan(40);
    for (const operation of routes) {
      // Path parameters stay as `{name}`: the answer is then a validation error or a 404.
      const method = operation.method.toUpperCase() as 'GET';
      const headers = operation.auth === 'service-token' ? { authorization: `Bearer ${TEST_MAIL_TOKEN}` } : {};
      const anonymous = await app.inject({ method, url: operation.path, headers });
      expectNoStore(anonymous, `${method} ${operation.path} anonymous (${anonymous.statusCode})`);
      if (operation.auth === 'session' && method === 'GET') {
        const signedIn = await callAs(app, admin, method, operation.path);
        expectNoStore(signedIn, `${method} ${operation.path} as admin (${signedIn.statusCode})`);
      }
    }
  });

  it('is sent on the answers that carry secrets and on errors', async () => {
    const customer = await createCustomer(app);
    const calls = [
      ['me', await callAs(app, user, 'GET', '/api/auth/me')],
      [
        'app-password creation',
        await callAs(app, user, 'POST', '/api/account/app-passwords', {
          payload: { name: 'Cache test', scopes: ['IMAP'] },
        }),
      ],
      ['TOTP enrolment', await callAs(app, user, 'POST', '/api/account/totp/enrollment')],
      ['recovery codes', await callAs(app, admin, 'POST', '/api/account/totp/recovery-codes')],
      [
        'reset-link reveal',
        await callAs(app, admin, 'POST', `/api/admin/users/${customer.user.id}/password-reset-links/reveal`, {
          payload: { reason: 'Customer called; verified by callback.' },
        }),
      ],
      ['validation error', await callAs(app, user, 'POST', '/api/account/app-passwords', { payload: {} })],
      ['unknown API path', await app.inject({ method: 'GET', url: '/api/nothing-here' })],
      ['malformed path', await app.inject({ method: 'GET', url: '/api/admin/users/%ED%A0%80' })],
    ] as const;
    for (const [label, response] of calls) expectNoStore(response, `${label} (${response.statusCode})`);
    const statuses = Object.fromEntries(calls.map(([label, response]) => [label, response.statusCode]));
    // The secret-bearing calls really succeeded, so their own answers were checked.
    expect(statuses).toMatchObject({
      me: 200,
      'app-password creation': 201,
      'TOTP enrolment': 201,
      'recovery codes': 200,
      'reset-link reveal': 201,
      'validation error': 400,
      'unknown API path': 404,
      'malformed path': 400,
    });
  });

  it('leaves the SPA and its assets to normal caching', async () => {
    const page = await app.inject({ method: 'GET', url: '/security' });
    expect(page.headers.pragma).toBeUndefined();
  });
});
