import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp } from '../../test/support/test-app.js';
import { createUser, signedInAs } from '../../test/support/builders.js';
import { decision, loginBody, mailAuthEnv, randomIp } from '../../test/support/mail-auth-client.js';
import { SecretKeyring } from '../infrastructure/common/crypto/secret-keyring.js';
import { PrismaService } from '../infrastructure/database/prisma.service.js';
import { LoginAttemptRecorder } from '../login-attempts/login-attempt-recorder.js';
import { NewMailDeviceNotices } from './new-mail-device.notices.js';

describe('notice: a new device logged in to the mailbox', () => {
  let app: NestFastifyApplication;
  let prisma: PrismaService;

  beforeAll(async () => {
    app = await createTestApp(mailAuthEnv());
    prisma = app.get(PrismaService);
  });
  afterAll(() => app.close());

  async function userWithImapAndPop3() {
    const user = await createUser(prisma, {
      imap: true,
      pop3: true,
      appPasswords: [{ name: 'Phone', scopes: ['IMAP', 'POP3'] }],
      keyring: app.get(SecretKeyring),
    });
    const login = (clientIp: string, protocol: 'imap' | 'pop3' = 'imap') =>
      loginBody(user, { password: user.appPasswords[0]!.secret, clientIp, protocol });
    return { user, login };
  }

  async function loginsFrom(bodies: object[]) {
    for (const body of bodies) expect(await decision(app, body)).toMatchObject({ decision: 'allow' });
    await app.get(LoginAttemptRecorder).flush();
  }

  const deviceNotices = (userId: string) =>
    prisma.securityNotice.findMany({ where: { userId, kind: 'NEW_MAIL_DEVICE' }, orderBy: { createdAt: 'asc' } });

  it('is not raised by the very first mail login of an account (the first mail program being set up)', async () => {
    const { user, login } = await userWithImapAndPop3();
    await loginsFrom([login('198.51.100.10'), login('198.51.100.10')]);
    expect(await deviceNotices(user.id)).toEqual([]);
  });

  it('is raised once for a new address, however many logins and flushes follow, and not for a known one', async () => {
    const { user, login } = await userWithImapAndPop3();
    const home = randomIp();
    const elsewhere = randomIp();
    await loginsFrom([login(home)]);
    await loginsFrom([login(home), login(home)]);
    expect(await deviceNotices(user.id)).toEqual([]);

    await loginsFrom([login(elsewhere), login(elsewhere)]);
    await loginsFrom([login(elsewhere)]);
    const notices = await deviceNotices(user.id);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ byStaff: false, params: { protocol: 'IMAP', ip: elsewhere } });

    // Shown in every session: nobody in the portal made this happen.
    const session = await signedInAs(app, user);
    const listed = await app.inject({ method: 'GET', url: '/api/account/notices', cookies: session.cookies });
    expect(listed.json<{ notices: { kind: string }[] }>().notices.map((notice) => notice.kind)).toEqual([
      'NEW_MAIL_DEVICE',
    ]);
  });

  it('is raised once when two instances write the first logins of the same new device together', async () => {
    const { user, login } = await userWithImapAndPop3();
    await loginsFrom([login(randomIp())]);
    const other = await createTestApp(mailAuthEnv());
    try {
      const newAddress = randomIp();
      expect(await decision(app, login(newAddress))).toMatchObject({ decision: 'allow' });
      expect(await decision(other, login(newAddress))).toMatchObject({ decision: 'allow' });
      await Promise.all([app.get(LoginAttemptRecorder).flush(), other.get(LoginAttemptRecorder).flush()]);
    } finally {
      await other.close();
    }
    expect(await deviceNotices(user.id)).toHaveLength(1);
  });

  it('counts the address, not the protocol: a setup logging in with IMAP and POP3 is one device', async () => {
    const { user, login } = await userWithImapAndPop3();
    await loginsFrom([login('2001:db8:7:1::10'), login('2001:db8:7:1::10', 'pop3')]);
    // Another address of the same IPv6 /64, another protocol from a known address: nothing new.
    await loginsFrom([login('2001:db8:7:1::99'), login('2001:db8:7:1::10', 'pop3')]);
    expect(await deviceNotices(user.id)).toEqual([]);
    await loginsFrom([login('2001:db8:7:2::10', 'pop3'), login('2001:db8:7:2::10')]);
    expect((await deviceNotices(user.id)).map((notice) => notice.params)).toEqual([
      { protocol: 'POP3', ip: '2001:db8:7:2::10', network: '2001:db8:7:2::/64' },
    ]);
  });

  it('checks a device once per window on an instance: later logins from a known device cost no query', async () => {
    const { user } = await userWithImapAndPop3();
    const notices = app.get(NewMailDeviceNotices);
    const transactions = vi.spyOn(prisma, '$transaction');
    try {
      const success = { userId: user.id, protocol: 'IMAP' as const, clientIp: randomIp() };
      await notices.afterWrite([{ ...success, firstAt: new Date() }]);
      expect(transactions).toHaveBeenCalledTimes(1);
      await notices.afterWrite([{ ...success, firstAt: new Date() }]);
      await notices.afterWrite([{ ...success, firstAt: new Date() }]);
      expect(transactions).toHaveBeenCalledTimes(1);
      // Another address of the same user is another device.
      await notices.afterWrite([{ ...success, clientIp: randomIp(), firstAt: new Date() }]);
      expect(transactions).toHaveBeenCalledTimes(2);
    } finally {
      transactions.mockRestore();
    }
  });
});
