import argon2 from 'argon2';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp } from '../../test/support/test-app.js';
import { createUser, signedInAs } from '../../test/support/builders.js';
import { decision, familiarIp, loginBody, mailAuthEnv, randomIp } from '../../test/support/mail-auth-client.js';
import { PrismaService } from '../infrastructure/database/prisma.service.js';
import { SecretKeyring } from '../infrastructure/common/crypto/secret-keyring.js';
import { AccountEventsService } from '../account-events/account-events.service.js';
import { AppPasswordsService } from '../app-passwords/app-passwords.service.js';
import { PasswordChangeService } from '../auth/password-change.service.js';
import { ProtocolAccessService } from '../protocol-access/protocol-access.service.js';
import { ClusterEventsService } from '../infrastructure/cluster-events/cluster-events.service.js';
import { Clock } from '../infrastructure/common/clock/clock.js';
import { CredentialVerifier } from './credential-verifier.js';
import { DecisionStateCache } from './decision-state-cache.js';

describe('fast repeat logins and instant revocation', () => {
  let first: NestFastifyApplication;
  let second: NestFastifyApplication;
  let prisma: PrismaService;
  let keyring: SecretKeyring;
  beforeAll(async () => {
    // Two API instances sharing PostgreSQL and Redis, as in a real deployment.
    const env = mailAuthEnv({ MAIL_AUTH_PAIR_FAILURES: '3' });
    [first, second] = await Promise.all([createTestApp(env), createTestApp(env)]);
    prisma = first.get(PrismaService);
    keyring = first.get(SecretKeyring);
  });
  afterAll(async () => {
    await Promise.all([first.close(), second.close()]);
  });
  afterEach(() => vi.restoreAllMocks());

  /** An address the user logged in from recently: refusals there name their reason. */
  const asUser = (userId: string) => ({ actor: { userId, role: 'USER' as const }, userId, meta: null });
  /** A write that bypasses the portal's services: nothing is announced. */
  const turnOffSilently = (userId: string) =>
    prisma.protocolAccess.update({
      where: { userId_protocol: { userId, protocol: 'IMAP' } },
      data: { enabled: false },
    });

  it('skips argon2id for a repeat login with the same password', async () => {
    const user = await createUser(prisma, { imap: true });
    const verify = vi.spyOn(argon2, 'verify');
    const ip = randomIp();
    expect(await decision(first, loginBody(user, { clientIp: ip }))).toMatchObject({ decision: 'allow' });
    expect(verify).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 3; i += 1)
      expect(await decision(first, loginBody(user, { clientIp: ip }))).toMatchObject({ decision: 'allow' });
    expect(verify).toHaveBeenCalledTimes(1);
    // A different secret is never answered from the cache.
    expect(await decision(first, loginBody(user, { password: 'other' }))).toMatchObject({ reason: 'PASSWORD_WRONG' });
    expect(verify).toHaveBeenCalledTimes(2);
  });

  it('denies the very next login after the protocol is turned off (cached state evicted)', async () => {
    const user = await createUser(prisma, { imap: true });
    const home = await familiarIp(prisma, user.id);
    expect(await decision(first, loginBody(user, { clientIp: home }))).toMatchObject({ decision: 'allow' });
    await first.get(ProtocolAccessService).setAccess({ ...asUser(user.id), protocol: 'IMAP', enabled: false });
    expect(await decision(first, loginBody(user, { clientIp: home }))).toEqual({
      decision: 'deny',
      reason: 'PROTOCOL_DISABLED',
    });
  });

  it('serves the cached state until a change is announced (which is why every change must publish)', async () => {
    const user = await createUser(prisma, { imap: true });
    const home = await familiarIp(prisma, user.id);
    expect(await decision(first, loginBody(user, { clientIp: home }))).toMatchObject({ decision: 'allow' });
    await turnOffSilently(user.id);
    expect(await decision(first, loginBody(user, { clientIp: home }))).toMatchObject({ decision: 'allow' });
    await first.get(AccountEventsService).publish({ userId: user.id, kind: 'protocol-access', securityVersion: 2 });
    expect(await decision(first, loginBody(user, { clientIp: home }))).toMatchObject({ reason: 'PROTOCOL_DISABLED' });
  });

  it('refuses the old password right after a password change, though it was cached', async () => {
    const user = await createUser(prisma, { imap: true });
    expect(await decision(first, loginBody(user))).toMatchObject({ decision: 'allow' });
    const newPassword = 'violet harbour quantum tiles 88';
    await first.get(PasswordChangeService).change({
      ...asUser(user.id),
      currentSessionId: (await signedInAs(first, user)).sessionId,
      currentPassword: user.password,
      newPassword,
      signOutOtherSessions: false,
      revokeAppPasswords: false,
      meta: { ip: '127.0.0.1', requestId: 'test', userAgent: 'vitest' },
    });
    expect(await decision(first, loginBody(user))).toMatchObject({ reason: 'PASSWORD_WRONG' });
    expect(await decision(first, loginBody({ ...user, password: newPassword }))).toMatchObject({
      decision: 'allow',
    });
  });

  it('reaches the other instance too: its next decision after hearing the change denies', async () => {
    const user = await createUser(prisma, { imap: true, appPasswords: [{ scopes: ['IMAP'] }], keyring });
    const viaApp = loginBody(user, { password: user.appPasswords[0]!.secret });
    expect(await decision(second, viaApp)).toMatchObject({ decision: 'allow' });
    expect(await decision(second, loginBody(user))).toMatchObject({ decision: 'allow' });
    const evicted = new Promise<void>((resolve) => {
      const unsubscribe = second.get(ClusterEventsService).subscribe('account-changed', (payload) => {
        if (payload.userId === user.id) {
          unsubscribe();
          resolve();
        }
      });
    });
    await first.get(AppPasswordsService).revoke({ ...asUser(user.id), appPasswordId: user.appPasswords[0]!.id });
    await evicted;
    expect(await decision(second, viaApp)).toEqual({ decision: 'deny', reason: 'APP_PASSWORD_REVOKED' });
  });

  it('checks locks on every login, cached credential or not', async () => {
    const user = await createUser(prisma, { imap: true });
    const ip = randomIp();
    expect(await decision(first, loginBody(user, { clientIp: ip }))).toMatchObject({ decision: 'allow' });
    for (let i = 0; i < 3; i += 1) await decision(second, loginBody(user, { clientIp: ip, password: `wrong-${i}` }));
    expect(await decision(first, loginBody(user, { clientIp: ip }))).toEqual({
      decision: 'deny',
      reason: 'LOCKED_USER_IP',
    });
  });

  it('evaluates time limits at decision time, without any announcement', async () => {
    const until = new Date(Date.now() + 60_000);
    const user = await createUser(prisma, {
      imap: { enabled: true, enabledUntil: until },
      appPasswords: [{ scopes: ['IMAP'], expiresAt: until }],
      keyring,
    });
    const home = await familiarIp(prisma, user.id);
    const clock = vi.spyOn(first.get(Clock), 'now');
    clock.mockReturnValue(new Date(until.getTime() - 1_000));
    expect(await decision(first, loginBody(user, { clientIp: home }))).toMatchObject({ decision: 'allow' });
    clock.mockReturnValue(new Date(until.getTime() + 1_000));
    expect(await decision(first, loginBody(user, { clientIp: home }))).toEqual({
      decision: 'deny',
      reason: 'PROTOCOL_EXPIRED',
    });
  });

  it('drops every cache when the invalidation channel was lost, and trusts none while it is down', async () => {
    const user = await createUser(prisma, { imap: true });
    expect(await decision(first, loginBody(user))).toMatchObject({ decision: 'allow' });
    const events = first.get(ClusterEventsService);
    expect(first.get(DecisionStateCache).size).toBeGreaterThan(0);
    expect(first.get(CredentialVerifier).cachedEntries).toBeGreaterThan(0);
    const pid = events.backendPid();
    expect(pid).not.toBeNull();
    await prisma.$executeRaw`SELECT pg_terminate_backend(${pid}::int)`;
    await expect.poll(() => events.isListening()).toBe(false);
    expect(first.get(DecisionStateCache).size).toBe(0);
    expect(first.get(CredentialVerifier).cachedEntries).toBe(0);
    await expect.poll(() => events.isListening(), { timeout: 10_000 }).toBe(true);
    expect(await decision(first, loginBody(user))).toMatchObject({ decision: 'allow' });
  });
});
