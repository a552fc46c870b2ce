import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi, type MockInstance } from 'vitest';
import { callAs, signedInUser, type Caller } from '../../test/support/admin-kit.js';
import { addStoredPasskey, createCustomer } from '../../test/support/admin-fixtures.js';
import { createUser, DEFAULT_TEST_PASSWORD, freshTotpCode, signedInAs } from '../../test/support/builders.js';
import { PASSKEY_APP_CONFIG, registerPasskey } from '../../test/support/passkey-kit.js';
import { staffSentResetToken } from '../../test/support/recovery-kit.js';
import { createTestApp } from '../../test/support/test-app.js';
import { AppPasswordsService } from '../app-passwords/app-passwords.service.js';
import { AuthLocksService } from '../auth-locks/auth-locks.service.js';
import { PasskeysService } from '../auth/passkeys/passkeys.service.js';
import { PasswordChangeService } from '../auth/password-change.service.js';
import { TotpService } from '../auth/totp.service.js';
import { SecretKeyring } from '../infrastructure/common/crypto/secret-keyring.js';
import { PrismaService } from '../infrastructure/database/prisma.service.js';
import type { Role } from '../generated/prisma/enums.js';
import { ProtocolAccessService } from '../protocol-access/protocol-access.service.js';
import { ProtocolExpiryJob } from '../protocol-access/protocol-expiry.job.js';
import { AccountEventsService } from './account-events.service.js';

/**
 * Every path that changes what a mail login or session of a user may do goes through
 * SecurityChangeService: the user's securityVersion rises by exactly one and the change is
 * published exactly once (after commit), whichever route or service made it.
 */
let app: NestFastifyApplication;
let prisma: PrismaService;
let publish: MockInstance<AccountEventsService['publish']>;
let admin: Caller;

const meta = { ip: '192.0.2.10', requestId: 'security-change-test', userAgent: 'vitest' };
const newPassword = 'granite orchard velvet compass 1987';

beforeAll(async () => {
  // The passkey routes need the site's origin (PUBLIC_URL); nothing else here depends on it.
  app = await createTestApp(PASSKEY_APP_CONFIG);
  prisma = app.get(PrismaService);
  publish = vi.spyOn(app.get(AccountEventsService), 'publish');
  admin = await signedInUser(app, 'ADMIN');
});
afterEach(() => publish.mockClear());
afterAll(() => app.close());

const actor = (user: { id: string; role: Role }) => ({ userId: user.id, role: user.role });

async function versionOf(userId: string): Promise<number> {
  return (await prisma.user.findUniqueOrThrow({ where: { id: userId } })).securityVersion;
}

/** Runs the change and checks: one bump, one publish naming the user, the kind and the new version. */
async function expectOneSecurityChange(userId: string, kind: string, change: () => Promise<unknown>) {
  const before = await versionOf(userId);
  publish.mockClear();
  await change();
  const after = await versionOf(userId);
  expect(after).toBe(before + 1);
  expect(publish).toHaveBeenCalledTimes(1);
  expect(publish.mock.calls[0]![0]).toMatchObject({ userId, kind, securityVersion: after });
}

describe('one security-change path', () => {
  it('protocol access on and off: one bump and one publish each; a repeat changes nothing', async () => {
    const user = await createUser(prisma);
    const service = app.get(ProtocolAccessService);
    const set = (enabled: boolean) =>
      service.setAccess({ actor: actor(user), userId: user.id, protocol: 'IMAP', enabled, meta });
    await expectOneSecurityChange(user.id, 'protocol-access', () => set(true));
    await expectOneSecurityChange(user.id, 'protocol-access', () => set(false));

    const before = await versionOf(user.id);
    publish.mockClear();
    await set(false);
    expect(await versionOf(user.id)).toBe(before);
    expect(publish).not.toHaveBeenCalled();
  });

  it('app passwords: create, revoke, revoke all', async () => {
    const user = await createUser(prisma);
    const service = app.get(AppPasswordsService);
    const input = { actor: actor(user), userId: user.id, meta };
    let id = '';
    await expectOneSecurityChange(user.id, 'app-password', async () => {
      id = (await service.create({ ...input, name: 'Phone', scopes: ['IMAP'], expiresIn: 'never' })).appPassword.id;
    });
    await expectOneSecurityChange(user.id, 'app-password', () => service.revoke({ ...input, appPasswordId: id }));
    await service.create({ ...input, name: 'Laptop', scopes: ['SMTP'], expiresIn: 'never' });
    await expectOneSecurityChange(user.id, 'app-password', () => service.revokeAll(input));

    const before = await versionOf(user.id);
    publish.mockClear();
    await service.revoke({ ...input, appPasswordId: id });
    expect(await service.revokeAll(input)).toBe(0);
    expect(await versionOf(user.id)).toBe(before);
    expect(publish).not.toHaveBeenCalled();
  });

  it('password change, with the app passwords revoked in the same change', async () => {
    const user = await createUser(prisma, { appPasswords: [{ scopes: ['IMAP'] }], keyring: app.get(SecretKeyring) });
    const session = await signedInAs(app, user);
    await expectOneSecurityChange(user.id, 'password', () =>
      app.get(PasswordChangeService).change({
        actor: actor(user),
        userId: user.id,
        currentSessionId: session.sessionId,
        currentPassword: DEFAULT_TEST_PASSWORD,
        newPassword,
        signOutOtherSessions: true,
        revokeAppPasswords: true,
        meta,
      }),
    );
    expect(await prisma.appPassword.count({ where: { userId: user.id, revokedAt: null } })).toBe(0);
  });

  it('password reset through a staff link', async () => {
    const customer = await createCustomer(app);
    const token = await staffSentResetToken(app, admin, customer.user.id);
    await expectOneSecurityChange(customer.user.id, 'password', async () => {
      const response = await app.inject({
        method: 'POST',
        url: '/api/password-reset',
        headers: { 'x-requested-with': 'mailgate' },
        payload: { token, newPassword },
      });
      expect(response.statusCode).toBe(204);
    });
  });

  it('TOTP on, new recovery codes, TOTP off', async () => {
    const user = await createUser(prisma);
    const service = app.get(TotpService);
    const session = { userId: user.id, role: user.role, sessionId: (await signedInAs(app, user)).sessionId };
    const { manualKey } = await service.startEnrollment(user.id);
    // The key as shown to people is grouped with spaces.
    const code = await freshTotpCode(app, { id: user.id, totpSecret: manualKey.replaceAll(' ', '') });
    await expectOneSecurityChange(user.id, 'totp', () => service.confirmEnrollment({ session, code, meta }));
    const input = { actor: actor(user), userId: user.id, meta };
    await expectOneSecurityChange(user.id, 'totp', () => service.regenerateRecoveryCodes(input));
    await expectOneSecurityChange(user.id, 'totp', () => service.disable(input));
  });

  it('staff disable, enable and role change', async () => {
    const customer = await createCustomer(app);
    const url = `/api/admin/users/${customer.user.id}`;
    const reason = 'Account review after a support call';
    for (const [action, kind, payload] of [
      ['/disable', 'account-status', { reason }],
      ['/enable', 'account-status', { reason }],
      ['/role', 'role', { role: 'SUPPORT', reason }],
    ] as const) {
      await expectOneSecurityChange(customer.user.id, kind, async () => {
        const response = await callAs(app, admin, action === '/role' ? 'PUT' : 'POST', url + action, { payload });
        expect(response.statusCode, response.body).toBe(200);
      });
    }
  });

  it('passkeys: adding one, removing it (by the user, by support); renaming changes no access', async () => {
    // With TOTP on, the session's step-up still counts after the first passkey (rename, remove).
    const customer = await createCustomer(app);
    const userId = customer.user.id;
    const session = await signedInAs(app, customer.user);
    const asUser = (method: 'PATCH' | 'DELETE', url: string, payload?: object) =>
      app.inject({ method, url, cookies: session.cookies, headers: session.headers, ...(payload ? { payload } : {}) });
    let passkeyId = '';
    await expectOneSecurityChange(userId, 'passkey', async () => {
      passkeyId = (await registerPasskey(app, session, 'Phone')).passkey.id;
    });
    expect(publish.mock.calls[0]![0].endsAccess).toEqual([]);

    const before = await versionOf(userId);
    publish.mockClear();
    const renamed = await asUser('PATCH', `/api/account/passkeys/${passkeyId}`, { name: 'Old phone' });
    expect([renamed.statusCode, renamed.json().name]).toEqual([200, 'Old phone']);
    expect(await versionOf(userId)).toBe(before);
    expect(publish).not.toHaveBeenCalled();
    expect(await prisma.auditEvent.count({ where: { targetUserId: userId, action: 'passkey.renamed' } })).toBe(1);

    await expectOneSecurityChange(userId, 'passkey', async () => {
      expect((await asUser('DELETE', `/api/account/passkeys/${passkeyId}`)).statusCode).toBe(204);
    });
    const stored = await addStoredPasskey(app, userId);
    await expectOneSecurityChange(userId, 'passkey', async () => {
      const url = `/api/admin/users/${userId}/passkeys/${stored.id}/remove`;
      const response = await callAs(app, admin, 'POST', url, { payload: { reason: 'Phone lost, caller verified' } });
      expect(response.statusCode, response.body).toBe(204);
    });
  });

  it('lifting a lock on the user', async () => {
    const user = await createUser(prisma);
    const lock = await prisma.authLock.create({
      data: { scope: 'USER', userId: user.id, failures: 10, lockedUntil: new Date(Date.now() + 3_600_000) },
    });
    await expectOneSecurityChange(user.id, 'lock', () =>
      app.get(AuthLocksService).lift({ actor: actor(admin.user), lockId: lock.id, reason: 'checked by phone', meta }),
    );
  });

  it('a time limit that ran out (the expiry job), which leaves a busy user for its next round', async () => {
    const user = await createUser(prisma, { imap: { enabled: true, enabledUntil: new Date(Date.now() - 1_000) } });
    const before = await versionOf(user.id);
    // The job also handles expiries of other test files in this database: count this user's only.
    const publishedForUser = () => publish.mock.calls.filter(([event]) => event.userId === user.id);
    publish.mockClear();
    await prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM users WHERE id = ${user.id}::uuid FOR UPDATE`;
      await app.get(ProtocolExpiryJob).runOnce();
    });
    expect(await versionOf(user.id)).toBe(before);
    expect(publishedForUser()).toHaveLength(0);

    await app.get(ProtocolExpiryJob).runOnce();
    expect(await versionOf(user.id)).toBe(before + 1);
    expect(publishedForUser().map(([event]) => event)).toEqual([
      expect.objectContaining({ kind: 'protocol-access', securityVersion: before + 1, endsAccess: ['IMAP'] }),
    ]);
  });

  it('a change that fails rolls back: no bump, no publish', async () => {
    const user = await createUser(prisma);
    const before = await versionOf(user.id);
    await expect(app.get(TotpService).disable({ actor: actor(user), userId: user.id, meta })).rejects.toMatchObject({
      definition: { code: 'TOTP_NOT_ENABLED' },
    });
    await expect(
      app.get(AppPasswordsService).revoke({ actor: actor(user), userId: user.id, appPasswordId: randomUUID(), meta }),
    ).rejects.toMatchObject({ definition: { code: 'NOT_FOUND' } });
    await expect(
      app.get(PasskeysService).remove({ actor: actor(user), userId: user.id, passkeyId: randomUUID(), meta }),
    ).rejects.toMatchObject({ definition: { code: 'NOT_FOUND' } });
    expect(await versionOf(user.id)).toBe(before);
    expect(publish).not.toHaveBeenCalled();
  });
});
