import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generate } from 'otplib';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/support/test-app.js';
import { createUser, signedInAs, type BuiltUser } from '../../test/support/builders.js';
import { callAs, signedInUser } from '../../test/support/admin-kit.js';
import { decision, loginBody, mailAuthEnv, randomIp } from '../../test/support/mail-auth-client.js';
import { PrismaService } from '../infrastructure/database/prisma.service.js';
import { SecretKeyring } from '../infrastructure/common/crypto/secret-keyring.js';
import { AccountEventsService } from '../account-events/account-events.service.js';
import { AppPasswordsService } from '../app-passwords/app-passwords.service.js';
import { PasswordChangeService } from '../auth/password-change.service.js';
import { TotpService } from '../auth/totp.service.js';
import { ProtocolAccessService } from '../protocol-access/protocol-access.service.js';
import { AuthLocksService } from '../auth-locks/auth-locks.service.js';

/**
 * A stand-in for Dovecot's doveadm HTTP API that records what it was asked. Like Dovecot 2.3.19,
 * it refuses authCacheFlush without a user list; `who` reports one IMAP session per user.
 */
function fakeDoveadm(apiKey: string) {
  const calls: { authorization: string | undefined; body: unknown }[] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      calls.push({ authorization: request.headers.authorization, body: JSON.parse(body) });
      const [[command, parameters, tag]] = JSON.parse(body) as [[string, Record<string, string[]>, string]];
      const ok = request.headers.authorization === `X-Dovecot-API ${Buffer.from(apiKey).toString('base64')}`;
      response.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
      if (!ok) return response.end('');
      if (command === 'authCacheFlush' && !Array.isArray(parameters.user)) {
        return response.end(JSON.stringify([['error', { type: 'exitCode', exitCode: 64 }, tag]]));
      }
      const who = (parameters.mask ?? []).map((username) => ({ username, service: 'imap', pid: '7', ip: '192.0.2.7' }));
      response.end(JSON.stringify([['doveadmResponse', command === 'who' ? who : [], tag]]));
    });
  });
  return { server, calls };
}

describe('instant revocation reaches Dovecot', () => {
  const apiKey = 'doveadm-test-key\n';
  const doveadm = fakeDoveadm(apiKey);
  let app: NestFastifyApplication;
  let prisma: PrismaService;
  let keyring: SecretKeyring;
  beforeAll(async () => {
    await new Promise<void>((resolve) => doveadm.server.listen(0, '127.0.0.1', resolve));
    const { port } = doveadm.server.address() as AddressInfo;
    app = await createTestApp(
      mailAuthEnv({
        DOVEADM_URL: `http://127.0.0.1:${port}/doveadm/v1`,
        DOVEADM_API_KEY: apiKey,
        MAIL_AUTH_PAIR_FAILURES: '2',
      }),
    );
    prisma = app.get(PrismaService);
    keyring = app.get(SecretKeyring);
  });
  afterAll(async () => {
    await app.close();
    await new Promise((resolve) => doveadm.server.close(resolve));
  });

  const commandsFor = (email: string) =>
    doveadm.calls
      .map((call) => (call.body as [[string, Record<string, string[]>, string]])[0])
      .filter(([, parameters]) => (parameters.user ?? parameters.mask ?? []).includes(email))
      .map(([command]) => command);

  const asUser = (userId: string) => ({ actor: { userId, role: 'USER' as const }, userId, meta: null });

  const callsFor = (email: string) =>
    doveadm.calls
      .map((call) => (call.body as [[string, Record<string, string[]>, string]])[0])
      .filter(([, parameters]) => (parameters.user ?? parameters.mask ?? []).includes(email))
      .map(([command, parameters]) => [command, parameters] as const);

  it('kicks and flushes when the user turns a protocol off, sending the API key as is', async () => {
    const user = await createUser(prisma, { imap: true });
    await decision(app, loginBody(user));
    await app.get(ProtocolAccessService).setAccess({ ...asUser(user.id), protocol: 'IMAP', enabled: false });
    // One protocol: Dovecot is asked where the user's IMAP sessions are, and only those are kicked.
    expect(callsFor(user.email)).toEqual(
      expect.arrayContaining([
        ['authCacheFlush', { user: [user.email] }],
        ['who', { mask: [user.email], separateConnections: true }],
        ['kick', { mask: [user.email, '192.0.2.7'] }],
      ]),
    );
    expect(doveadm.calls.at(-1)?.authorization).toBe(`X-Dovecot-API ${Buffer.from(apiKey).toString('base64')}`);
    // From an address the user never logged in from, the reason is not named (no password oracle).
    expect(await decision(app, loginBody(user))).toEqual({ decision: 'deny', reason: 'AUTH_FAILED' });
  });

  it('only flushes when access is turned on (open sessions stay)', async () => {
    const user = await createUser(prisma, { imap: false });
    await decision(app, loginBody(user));
    await app.get(ProtocolAccessService).setAccess({ ...asUser(user.id), protocol: 'IMAP', enabled: true });
    expect(commandsFor(user.email)).toEqual(['authCacheFlush']);
    expect(await decision(app, loginBody(user))).toMatchObject({ decision: 'allow' });
  });

  it('kicks nothing when SMTP is turned on or off, or when the protocol was not usable anyway', async () => {
    const user = await createUser(prisma, { imap: true });
    const service = app.get(ProtocolAccessService);
    await service.setAccess({ ...asUser(user.id), protocol: 'SMTP', enabled: true });
    await service.setAccess({ ...asUser(user.id), protocol: 'SMTP', enabled: false });
    await service.setAccess({ ...asUser(user.id), protocol: 'POP3', enabled: false, pop3KeepCopy: false });
    expect(commandsFor(user.email)).toEqual(['authCacheFlush', 'authCacheFlush', 'authCacheFlush']);
  });

  it('kicks when an app password is revoked, 2FA turned on, the password changed or the account disabled', async () => {
    const cases: [string, (user: BuiltUser) => Promise<unknown>][] = [
      [
        'app password revoked',
        (user) => app.get(AppPasswordsService).revoke({ ...asUser(user.id), appPasswordId: user.appPasswords[0]!.id }),
      ],
      [
        '2FA turned on',
        async (user) => {
          const totp = app.get(TotpService);
          const { manualKey } = await totp.startEnrollment(user.id);
          const code = await generate({ secret: manualKey.replace(/\s+/g, '') });
          const { sessionId } = await signedInAs(app, user);
          await totp.confirmEnrollment({ session: { userId: user.id, role: 'USER', sessionId }, code, meta: null });
        },
      ],
      [
        'password changed',
        async (user) => {
          const { sessionId } = await signedInAs(app, user);
          await app.get(PasswordChangeService).change({
            ...asUser(user.id),
            currentSessionId: sessionId,
            currentPassword: user.password,
            newPassword: 'violet harbour quantum tiles 88',
            signOutOtherSessions: false,
            revokeAppPasswords: false,
            meta: { ip: '127.0.0.1', requestId: 'test', userAgent: 'vitest' },
          });
        },
      ],
      [
        // Through the staff panel, as support does it.
        'account disabled',
        async (user) => {
          const support = await signedInUser(app, 'SUPPORT');
          const response = await callAs(app, support, 'POST', `/api/admin/users/${user.id}/disable`, {
            payload: { reason: 'Reported as compromised' },
          });
          expect(response.statusCode, response.body).toBe(200);
        },
      ],
    ];
    for (const [label, work] of cases) {
      const user = await createUser(prisma, { imap: true, appPasswords: [{ scopes: ['IMAP'] }], keyring });
      await decision(app, loginBody(user, { password: user.appPasswords[0]!.secret }));
      await work(user);
      expect(commandsFor(user.email), label).toContain('authCacheFlush');
      expect(commandsFor(user.email), label).toContain('kick');
    }
  });

  it('flushes (without kicking) when a lock is set', async () => {
    const user = await createUser(prisma, { imap: true });
    const ip = randomIp();
    await decision(app, loginBody(user, { clientIp: ip, password: 'wrong-1' }));
    await decision(app, loginBody(user, { clientIp: ip, password: 'wrong-2' }));
    await expect.poll(() => commandsFor(user.email)).toEqual(['authCacheFlush']);
  });

  it('flushes the whole cache in the form Dovecot 2.3.19 accepts when a client IP is locked', async () => {
    const locks = app.get(AuthLocksService);
    const ip = randomIp();
    const before = doveadm.calls.length;
    await locks.recordLock(
      {
        scope: 'IP',
        family: 'MAIL',
        userId: null,
        clientIp: ip,
        failures: 30,
        lockedFrom: new Date(),
        lockedUntil: new Date(Date.now() + 60_000),
      },
      null,
    );
    await expect
      .poll(() => doveadm.calls.slice(before).map((call) => (call.body as [[string, unknown]])[0]))
      .toContainEqual(['authCacheFlush', { user: [] }, expect.any(String)]);
  });

  it('never fails the change when Dovecot is unreachable', async () => {
    const offline = await createTestApp(
      mailAuthEnv({ DOVEADM_URL: 'http://127.0.0.1:1/doveadm/v1', DOVEADM_API_KEY: 'k' }),
    );
    try {
      const user = await createUser(prisma, { imap: true });
      const events = offline.get(AccountEventsService);
      const securityVersion = await prisma.$transaction((tx) => events.bumpSecurityVersion(tx, user.id));
      await expect(events.publish({ userId: user.id, kind: 'password', securityVersion })).resolves.toBeUndefined();
    } finally {
      await offline.close();
    }
  });
});
