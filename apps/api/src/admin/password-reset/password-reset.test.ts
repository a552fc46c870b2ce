import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, withTestApp } from '../../../test/support/test-app.js';
import { callAs, signedInUser, type Caller } from '../../../test/support/admin-kit.js';
import { createCustomer } from '../../../test/support/admin-fixtures.js';
import {
  giveRecoveryAddress,
  outboxMailsTo,
  staffSentResetToken,
  tokenMailedTo,
} from '../../../test/support/recovery-kit.js';
import { verifyPassword } from '../../auth/password-hasher.js';
import type { PrismaService } from '../../infrastructure/database/prisma.service.js';

let app: NestFastifyApplication;
let prisma: PrismaService;
let support: Caller;

withTestApp((started) => ({ app, prisma } = started), { PUBLIC_URL: 'https://mail.example.test/' });
beforeAll(async () => {
  support = await signedInUser(app, 'SUPPORT');
});

const strongPassword = 'granite orchard velvet compass 1987';

/** Sent to the customer's recovery address and read back from the outbox, as the customer would. */
async function createLink(userId: string) {
  const token = await staffSentResetToken(app, support, userId);
  return { token };
}

function redeem(
  token: string,
  newPassword: string,
  headers: Record<string, string> = { 'x-requested-with': 'mailgate' },
) {
  return app.inject({ method: 'POST', url: '/api/password-reset', headers, payload: { token, newPassword } });
}

describe('password-reset links', () => {
  it('are mailed to the recovery address only, stored hashed, valid for one hour, and audited with a notice', async () => {
    const customer = await createCustomer(app);
    const recovery = await giveRecoveryAddress(app, customer.user.id);
    const response = await callAs(app, support, 'POST', `/api/admin/users/${customer.user.id}/password-reset-links`, {
      payload: { reason: 'Locked out, identity checked by phone' },
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(Object.keys(response.json()).sort()).toEqual(['expiresAt', 'sentTo']);
    expect(response.json().sentTo).toBe(`${recovery.slice(0, 1)}•••@example.test`);
    const link = { token: await tokenMailedTo(app, recovery, 'PASSWORD_RESET_LINK') };
    const [mail] = (await outboxMailsTo(app, recovery)).filter((candidate) => candidate.kind === 'PASSWORD_RESET_LINK');
    expect(mail!.text).toContain(`https://mail.example.test/reset-password#token=${link.token}`);
    expect(response.body).not.toContain(link.token);
    const validFor = new Date(response.json<{ expiresAt: string }>().expiresAt).getTime() - Date.now();
    expect(validFor).toBeGreaterThan(59 * 60_000);
    expect(validFor).toBeLessThanOrEqual(60 * 60_000);
    const stored = await prisma.passwordResetToken.findFirstOrThrow({ where: { userId: customer.user.id } });
    expect(stored.tokenHash).not.toContain(link.token);
    expect(stored.issuedById).toBe(support.user.id);

    const events = await prisma.auditEvent.findMany({ where: { targetUserId: customer.user.id } });
    expect(events.map((event) => event.action)).toEqual(['password_reset.link_sent']);
    expect(JSON.stringify(events.map((event) => [event.before, event.after]))).not.toContain(link.token);
    const notices = await prisma.securityNotice.findMany({ where: { userId: customer.user.id } });
    expect(notices).toEqual([expect.objectContaining({ kind: 'PASSWORD_RESET_LINK_CREATED', byStaff: true })]);
  });

  it('set the new password once, end every session and bump securityVersion', async () => {
    const customer = await createCustomer(app);
    const link = await createLink(customer.user.id);
    const before = await prisma.user.findUniqueOrThrow({ where: { id: customer.user.id } });

    const response = await redeem(link.token, strongPassword);
    expect(response.statusCode, response.body).toBe(204);
    const after = await prisma.user.findUniqueOrThrow({ where: { id: customer.user.id } });
    expect(await verifyPassword(after.passwordHash, strongPassword)).toBe(true);
    expect(after.securityVersion).toBe(before.securityVersion + 1);
    expect(await prisma.session.count({ where: { userId: customer.user.id, revokedAt: null } })).toBe(0);
    const events = await prisma.auditEvent.findMany({
      where: { targetUserId: customer.user.id },
      orderBy: { id: 'asc' },
    });
    expect(events.map((event) => event.action)).toEqual(['password_reset.link_sent', 'password.reset']);
    expect(events[1]).toMatchObject({ actorId: customer.user.id, actorRole: 'USER' });
    expect(JSON.stringify(events.map((event) => [event.before, event.after]))).not.toContain(strongPassword);

    const reused = await redeem(link.token, `${strongPassword} again`);
    expect(reused.json()).toMatchObject({ status: 400, code: 'RESET_LINK_INVALID' });
  });

  it('refuse unknown, expired and superseded links alike', async () => {
    const customer = await createCustomer(app);
    const first = await createLink(customer.user.id);
    const second = await createLink(customer.user.id);
    expect((await redeem(first.token, strongPassword)).json().code).toBe('RESET_LINK_INVALID');
    expect((await redeem('no-such-token', strongPassword)).json().code).toBe('RESET_LINK_INVALID');
    await prisma.passwordResetToken.updateMany({
      where: { userId: customer.user.id, usedAt: null },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect((await redeem(second.token, strongPassword)).json().code).toBe('RESET_LINK_INVALID');
    const user = await prisma.user.findUniqueOrThrow({ where: { id: customer.user.id } });
    expect(await verifyPassword(user.passwordHash, strongPassword)).toBe(false);
  });

  it('enforce the password policy as a password change does, and keep the link usable after a refusal', async () => {
    const customer = await createCustomer(app, {
      email: `ramona.${Date.now()}@example.test`,
      displayName: 'Ramona Quist',
    });
    const link = await createLink(customer.user.id);
    const short = await redeem(link.token, 'short');
    expect(short.json()).toMatchObject({
      status: 400,
      code: 'PASSWORD_TOO_SHORT',
      problems: expect.arrayContaining(['PASSWORD_TOO_SHORT']),
    });
    const context = await redeem(link.token, 'ramona-quist-mailgate-2024-long');
    expect(context.json().problems).toContain('PASSWORD_CONTAINS_CONTEXT');
    // Long enough but trivially guessed: only the real evaluator's strength score catches it.
    const weak = await redeem(link.token, 'a'.repeat(20));
    expect(weak.json()).toMatchObject({ status: 400, code: 'PASSWORD_TOO_WEAK', problems: ['PASSWORD_TOO_WEAK'] });
    expect((await redeem(link.token, strongPassword)).statusCode).toBe(204);
  });

  it('need the CSRF header and are rate limited per client', async () => {
    const noHeader = await redeem('whatever', strongPassword, {});
    expect(noHeader.json()).toMatchObject({ status: 403, code: 'CSRF_CHECK_FAILED' });
    const limited = await createTestApp();
    try {
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 11; attempt += 1) {
        const response = await limited.inject({
          method: 'POST',
          url: '/api/password-reset',
          headers: { 'x-requested-with': 'mailgate' },
          remoteAddress: '192.0.2.77',
          payload: { token: `guess-${attempt}`, newPassword: strongPassword },
        });
        statuses.push(response.statusCode);
      }
      expect(statuses.slice(0, 10).every((status) => status === 400)).toBe(true);
      expect(statuses[10]).toBe(429);
    } finally {
      await limited.close();
    }
  });
});
