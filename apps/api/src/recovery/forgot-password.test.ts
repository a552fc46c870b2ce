import { randomInt } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { describe, expect, it } from 'vitest';
import { createUser, freshTotpCode, randomEmail, signedInAs } from '../../test/support/builders.js';
import { giveRecoveryAddress, outboxMailsTo, tokenMailedTo } from '../../test/support/recovery-kit.js';
import { withTestApp } from '../../test/support/test-app.js';
import { verifyPassword } from '../auth/password-hasher.js';
import { RecoveryCodes } from '../auth/recovery-codes.js';
import { SecretKeyring } from '../infrastructure/common/crypto/secret-keyring.js';
import type { PrismaService } from '../infrastructure/database/prisma.service.js';
import { ForgotPasswordService } from './forgot-password.service.js';

let app: NestFastifyApplication;
let prisma: PrismaService;
withTestApp((started) => ({ app, prisma } = started), { PUBLIC_URL: 'https://mail.example.test' });

const strongPassword = 'granite orchard velvet compass 1987';
const randomIp = () => `198.51.${randomInt(256)}.${randomInt(1, 255)}`;

function forgot(email: string, remoteAddress = randomIp()) {
  return app.inject({
    method: 'POST',
    url: '/api/password-reset/request',
    headers: { 'x-requested-with': 'mailgate' },
    payload: { email },
    remoteAddress,
  });
}

function redeem(token: string, extra: Record<string, string> = {}) {
  return app.inject({
    method: 'POST',
    url: '/api/password-reset',
    headers: { 'x-requested-with': 'mailgate' },
    payload: { token, newPassword: strongPassword, ...extra },
    remoteAddress: randomIp(),
  });
}

const settled = () => app.get(ForgotPasswordService).settled();

async function userWithRecovery(options: { totp?: true } = {}) {
  const user = await createUser(prisma, { ...options, keyring: app.get(SecretKeyring) });
  const recovery = await giveRecoveryAddress(app, user.id);
  return { user, recovery };
}

/** What a client can compare between two answers: everything but the per-request id. */
function visible(response: Awaited<ReturnType<typeof forgot>>) {
  const { 'x-request-id': _id, date: _date, ...headers } = response.headers;
  return { status: response.statusCode, body: response.body, headers };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

describe('forgot password', () => {
  it('mails a one-time link to the confirmed recovery address, and the reset ends every session', async () => {
    const { user, recovery } = await userWithRecovery();
    await signedInAs(app, user);
    const response = await forgot(user.email.toUpperCase());
    expect(response.statusCode).toBe(204);
    expect(response.body).toBe('');
    await settled();
    const token = await tokenMailedTo(app, recovery, 'PASSWORD_RESET_LINK');
    // The mailbox is told too, without the link.
    const toMailbox = await outboxMailsTo(app, user.email);
    expect(toMailbox.map((mail) => mail.kind)).toEqual(['PASSWORD_RESET_REQUESTED']);
    expect(toMailbox[0]!.text).not.toContain(token);

    const redeemed = await redeem(token);
    expect(redeemed.statusCode, redeemed.body).toBe(204);
    const after = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(after.passwordHash, strongPassword)).toBe(true);
    expect(await prisma.session.count({ where: { userId: user.id, revokedAt: null } })).toBe(0);
    expect((await redeem(token)).json().code).toBe('RESET_LINK_INVALID');
    // Both addresses hear about the new password.
    expect((await outboxMailsTo(app, user.email)).map((mail) => mail.kind)).toContain('PASSWORD_RESET');
    expect((await outboxMailsTo(app, recovery)).map((mail) => mail.kind)).toContain('PASSWORD_RESET');
    const actions = (
      await prisma.auditEvent.findMany({ where: { targetUserId: user.id }, orderBy: { id: 'asc' } })
    ).map((event) => event.action);
    expect(actions).toEqual(['password_reset.requested', 'password.reset']);
  });

  it('answers unknown addresses and accounts without a recovery address exactly alike, and sends nothing', async () => {
    const { user } = await userWithRecovery();
    const withoutRecovery = await createUser(prisma);
    const known = visible(await forgot(user.email));
    const unknown = visible(await forgot(randomEmail('nobody')));
    const noRecovery = visible(await forgot(withoutRecovery.email));
    expect(unknown).toEqual(known);
    expect(noRecovery).toEqual(known);
    await settled();
    expect(await prisma.outboxMail.count({ where: { userId: withoutRecovery.id } })).toBe(0);
    expect(await prisma.passwordResetToken.count({ where: { userId: withoutRecovery.id } })).toBe(0);
  });

  it('takes as long for unknown as for known addresses (interleaved samples, medians within a generous factor)', async () => {
    const knownUsers = await Promise.all(Array.from({ length: 15 }, () => userWithRecovery()));
    const knownTimes: number[] = [];
    const unknownTimes: number[] = [];
    for (const { user } of knownUsers) {
      for (const [email, times] of [
        [user.email, knownTimes],
        [randomEmail('nobody'), unknownTimes],
      ] as const) {
        const started = process.hrtime.bigint();
        expect((await forgot(email)).statusCode).toBe(204);
        times.push(Number(process.hrtime.bigint() - started) / 1e6);
        // The previous request's mail is written before the next sample, so no sample competes
        // with another's background work for this process or the database.
        await settled();
      }
    }
    await settled();
    // The work happens after the answer, so the answer's time cannot depend on it. A generous
    // factor keeps a loaded machine from failing this; sending inline (a transaction, an outbox
    // row) before answering made known addresses about 4 times slower here.
    expect(median(knownTimes)).toBeLessThan(median(unknownTimes) * 2.5 + 3);
    expect(median(unknownTimes)).toBeLessThan(median(knownTimes) * 2.5 + 3);
    // Each known address: the link to its recovery address, and the notice to mailbox and recovery address.
    expect(await prisma.outboxMail.count({ where: { userId: { in: knownUsers.map((k) => k.user.id) } } })).toBe(45);
  });

  it('limits requests per address and per IP, also when they arrive at once', async () => {
    const { user, recovery } = await userWithRecovery();
    const perAddress = await Promise.all(Array.from({ length: 10 }, () => forgot(user.email)));
    expect(perAddress.filter((response) => response.statusCode === 204)).toHaveLength(3);
    const refused = perAddress.filter((response) => response.statusCode === 429);
    expect(refused.map((response) => response.json<{ code: string }>().code)).toEqual(Array(7).fill('RATE_LIMITED'));
    await settled();
    // Each accepted request voids the link before it; three mails, the last link alone works.
    expect((await outboxMailsTo(app, recovery)).filter((mail) => mail.kind === 'PASSWORD_RESET_LINK')).toHaveLength(3);

    const ip = randomIp();
    const perIp = await Promise.all(Array.from({ length: 26 }, () => forgot(randomEmail('spray'), ip)));
    expect(perIp.filter((response) => response.statusCode === 204)).toHaveLength(20);
    expect(perIp.filter((response) => response.statusCode === 429)).toHaveLength(6);
    expect(perIp.find((response) => response.statusCode === 429)!.headers['retry-after']).toBeDefined();
  });

  it('with 2FA on, the link alone is not enough: a TOTP code or a recovery code is needed', async () => {
    const { user, recovery } = await userWithRecovery({ totp: true });
    const [recoveryCode] = await prisma.$transaction((tx) =>
      app.get(RecoveryCodes).replaceAll(tx, user.id, new Date()),
    );
    await forgot(user.email);
    await settled();
    const token = await tokenMailedTo(app, recovery, 'PASSWORD_RESET_LINK');

    expect((await redeem(token)).json()).toMatchObject({ status: 400, code: 'SECOND_FACTOR_REQUIRED' });
    expect((await redeem(token, { totpCode: '000000' })).json().code).toBe('TOTP_CODE_INVALID');
    expect((await redeem(token, { recoveryCode: 'AAAA-BBBB-CCCC' })).json().code).toBe('RECOVERY_CODE_INVALID');
    const unchanged = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(unchanged.passwordHash, strongPassword)).toBe(false);

    expect((await redeem(token, { recoveryCode: recoveryCode! })).statusCode).toBe(204);

    // And with a TOTP code, through a second request.
    await forgot(user.email);
    await settled();
    const second = await tokenMailedTo(app, recovery, 'PASSWORD_RESET_LINK');
    const totpCode = await freshTotpCode(app, user);
    const response = await app.inject({
      method: 'POST',
      url: '/api/password-reset',
      headers: { 'x-requested-with': 'mailgate' },
      payload: { token: second, newPassword: `${strongPassword} two`, totpCode },
      remoteAddress: randomIp(),
    });
    expect(response.statusCode, response.body).toBe(204);
  });

  it('refuses a weak password by the policy without spending the link or the code', async () => {
    const { user, recovery } = await userWithRecovery({ totp: true });
    await forgot(user.email);
    await settled();
    const token = await tokenMailedTo(app, recovery, 'PASSWORD_RESET_LINK');
    const totpCode = await freshTotpCode(app, user);
    const weak = await app.inject({
      method: 'POST',
      url: '/api/password-reset',
      headers: { 'x-requested-with': 'mailgate' },
      payload: { token, newPassword: 'a'.repeat(20), totpCode },
    });
    expect(weak.json()).toMatchObject({ status: 400, code: 'PASSWORD_TOO_WEAK' });
    expect((await redeem(token, { totpCode })).statusCode).toBe(204);
  });

  it('needs the CSRF header and never mails a disabled account', async () => {
    const noHeader = await app.inject({
      method: 'POST',
      url: '/api/password-reset/request',
      payload: { email: 'a@b.test' },
    });
    expect(noHeader.json()).toMatchObject({ status: 403, code: 'CSRF_CHECK_FAILED' });
    const { user, recovery } = await userWithRecovery();
    await prisma.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect((await forgot(user.email)).statusCode).toBe(204);
    await settled();
    expect(await outboxMailsTo(app, recovery)).toEqual([]);
  });
});
