import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db/test-database.js';
import { createTestApp } from '../../test/support/test-app.js';
import { callAs, signedInUser, type Caller } from '../../test/support/admin-kit.js';
import { createUser } from '../../test/support/builders.js';
import {
  decision,
  familiarIp,
  loginBody,
  mailAuthEnv,
  postDecision,
  randomIp,
} from '../../test/support/mail-auth-client.js';
import { ClusterEventsService, type ClusterTopic } from '../infrastructure/cluster-events/cluster-events.service.js';
import { SecretKeyring } from '../infrastructure/common/crypto/secret-keyring.js';
import { PrismaService } from '../infrastructure/database/prisma.service.js';

// Staff actions in the panel, proven by the mail decision that follows them: the panel calls
// mail-auth's own services (AuthLocksService, ServiceTokensService) and the settings service the
// decision reads. Global settings are one row, so this file uses a database of its own; two API
// instances share it (and Redis), as in a real deployment.
let database: TestDatabase;
let first: NestFastifyApplication;
let second: NestFastifyApplication;
let prisma: PrismaService;
let support: Caller;
let admin: Caller;
const reason = 'Customer called, identity checked';

beforeAll(async () => {
  database = await createTestDatabase({ serverUrl: inject('databaseServerUrl') });
  const env = mailAuthEnv({ DATABASE_URL: database.url, MAIL_AUTH_PAIR_FAILURES: '3' });
  [first, second] = await Promise.all([createTestApp(env), createTestApp(env)]);
  prisma = first.get(PrismaService);
  support = await signedInUser(first, 'SUPPORT');
  admin = await signedInUser(first, 'ADMIN');
});
afterAll(async () => {
  await Promise.all([first?.close(), second?.close()]);
  await database?.drop();
});

/** Resolves once `app` has heard `topic` from another instance (so its caches were dropped). */
function heard(app: NestFastifyApplication, topic: ClusterTopic): Promise<void> {
  return new Promise((resolve) => {
    const unsubscribe = app.get(ClusterEventsService).subscribe(topic, () => {
      unsubscribe();
      resolve();
    });
  });
}

/** Saves the settings as they are now with `change` applied, as the panel's form does. */
async function saveSettings(change: Record<string, boolean>) {
  const { updatedAt: _updatedAt, ...current } = (await callAs(first, admin, 'GET', '/api/admin/settings')).json();
  const saved = await callAs(first, admin, 'PUT', '/api/admin/settings', {
    payload: { ...current, ...change, reason },
  });
  expect(saved.statusCode, saved.body).toBe(200);
}

describe('global settings reach the very next mail decision', () => {
  it('applies "TLS required" off and on again at once, on this instance and on the other', async () => {
    const user = await createUser(prisma, { imap: true });
    // From an address the user logged in from before: the only kind told the reason of a refusal.
    const plaintext = loginBody(user, { secured: false, clientIp: await familiarIp(prisma, user.id) });
    // Both instances have the settings cached from these decisions.
    expect(await decision(first, plaintext)).toEqual({ decision: 'deny', reason: 'TLS_REQUIRED' });
    expect(await decision(second, plaintext)).toEqual({ decision: 'deny', reason: 'TLS_REQUIRED' });

    let secondHeard = heard(second, 'settings-changed');
    await saveSettings({ requireTlsForProtocols: false });
    expect(await decision(first, plaintext)).toMatchObject({ decision: 'allow' });
    await secondHeard;
    expect(await decision(second, plaintext)).toMatchObject({ decision: 'allow' });

    secondHeard = heard(second, 'settings-changed');
    await saveSettings({ requireTlsForProtocols: true });
    expect(await decision(first, plaintext)).toEqual({ decision: 'deny', reason: 'TLS_REQUIRED' });
    await secondHeard;
    expect(await decision(second, plaintext)).toEqual({ decision: 'deny', reason: 'TLS_REQUIRED' });
  });

  it('applies "main password allowed in mail programs" off to the next decision', async () => {
    const user = await createUser(prisma, { imap: true });
    const login = loginBody(user, { clientIp: await familiarIp(prisma, user.id) });
    expect(await decision(first, login)).toMatchObject({ decision: 'allow', credential: 'password' });
    await saveSettings({ allowMainPasswordWithout2fa: false });
    try {
      expect(await decision(first, login)).toEqual({ decision: 'deny', reason: 'MAIN_PASSWORD_NOT_ALLOWED' });
    } finally {
      await saveSettings({ allowMainPasswordWithout2fa: true });
    }
  });
});

describe('staff actions reach the mail decision', () => {
  it('disabling the account refuses the next login (cached app password included) on both instances', async () => {
    const user = await createUser(prisma, {
      imap: true,
      appPasswords: [{ scopes: ['IMAP'] }],
      keyring: first.get(SecretKeyring),
    });
    const viaApp = loginBody(user, { password: user.appPasswords[0]!.secret });
    expect(await decision(first, viaApp)).toMatchObject({ decision: 'allow' });
    expect(await decision(second, viaApp)).toMatchObject({ decision: 'allow' });
    const secondHeard = heard(second, 'account-changed');

    const disabled = await callAs(first, support, 'POST', `/api/admin/users/${user.id}/disable`, {
      payload: { reason },
    });
    expect(disabled.statusCode, disabled.body).toBe(200);
    expect(await decision(first, viaApp)).toEqual({ decision: 'deny', reason: 'ACCOUNT_DISABLED' });
    await secondHeard;
    expect(await decision(second, viaApp)).toEqual({ decision: 'deny', reason: 'ACCOUNT_DISABLED' });

    await callAs(first, support, 'POST', `/api/admin/users/${user.id}/enable`, { payload: { reason } });
    expect(await decision(first, viaApp)).toMatchObject({ decision: 'allow' });
  });

  it('lifting a brute-force lock lets the right password in at once and starts counting afresh', async () => {
    const user = await createUser(prisma, { imap: true });
    const clientIp = randomIp();
    for (let i = 0; i < 3; i += 1) await decision(second, loginBody(user, { clientIp, password: `wrong-${i}` }));
    expect(await decision(first, loginBody(user, { clientIp }))).toEqual({
      decision: 'deny',
      reason: 'LOCKED_USER_IP',
    });

    // The lock support sees is the one mail-auth recorded.
    const detail = async () =>
      (await callAs(first, support, 'GET', `/api/admin/users/${user.id}`)).json<{ locks: { id: string }[] }>().locks;
    await expect.poll(async () => (await detail()).length).toBe(1);
    const [lock] = await detail();
    expect(lock).toMatchObject({ scope: 'USER_IP', family: 'MAIL', failures: 3, clientIp: expect.any(String) });

    const lifted = await callAs(first, support, 'POST', `/api/admin/users/${user.id}/locks/${lock!.id}/lift`, {
      payload: { reason },
    });
    expect(lifted.statusCode, lifted.body).toBe(204);
    // The shared mirror is cleared, so the other instance lets the right password in too...
    expect(await decision(second, loginBody(user, { clientIp }))).toMatchObject({ decision: 'allow' });
    // ...and the failure counter restarted: one more wrong password does not lock again.
    await decision(first, loginBody(user, { clientIp, password: 'wrong-again' }));
    expect(await decision(first, loginBody(user, { clientIp }))).toMatchObject({ decision: 'allow' });
    expect(await detail()).toEqual([]);

    const again = await callAs(first, support, 'POST', `/api/admin/users/${user.id}/locks/${lock!.id}/lift`, {
      payload: { reason },
    });
    expect(again.json()).toMatchObject({ status: 404, code: 'AUTH_LOCK_NOT_FOUND' });
  });

  it('a token created in the panel authenticates mail decisions until it is revoked there', async () => {
    const user = await createUser(prisma, { imap: true });
    const created = await callAs(first, admin, 'POST', '/api/admin/service-tokens', {
      payload: { name: `imap-${user.id.slice(0, 8)}` },
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id, token } = created.json<{ id: string; token: string }>();

    const allowed = await postDecision(second, loginBody(user), token);
    expect(allowed.statusCode).toBe(200);
    expect(allowed.json()).toMatchObject({ decision: 'allow' });
    // The last use is written off the decision's path.
    const listed = async () => (await callAs(first, admin, 'GET', '/api/admin/service-tokens')).json().items;
    await expect.poll(listed).toContainEqual(expect.objectContaining({ id, lastUsedAt: expect.any(String) }));

    const secondHeard = heard(second, 'service-tokens-changed');
    const revoked = await callAs(first, admin, 'POST', `/api/admin/service-tokens/${id}/revoke`);
    expect(revoked.statusCode).toBe(204);
    expect((await postDecision(first, loginBody(user), token)).statusCode).toBe(401);
    await secondHeard;
    expect((await postDecision(second, loginBody(user), token)).statusCode).toBe(401);
  });
});
