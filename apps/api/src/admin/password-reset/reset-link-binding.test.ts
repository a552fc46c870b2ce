import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { staffSentResetToken } from '../../../test/support/recovery-kit.js';
import { withTestApp } from '../../../test/support/test-app.js';
import { callAs, signedInUser, type Caller } from '../../../test/support/admin-kit.js';
import { createCustomer } from '../../../test/support/admin-fixtures.js';
import { createUser, signedInAs, signIn } from '../../../test/support/builders.js';
import { verifyPassword } from '../../auth/password-hasher.js';
import type { PrismaService } from '../../infrastructure/database/prisma.service.js';

/**
 * A staff-issued link hands an account over, so it must stop working as soon as the account or
 * its issuer is no longer what it was at issue time. Every refusal is the same RESET_LINK_INVALID.
 */
let app: NestFastifyApplication;
let prisma: PrismaService;
let admin: Caller;

withTestApp((started) => ({ app, prisma } = started));
beforeAll(async () => {
  admin = await signedInUser(app, 'ADMIN');
});

const newPassword = 'granite orchard velvet compass 1987';
const reason = { reason: 'Locked out, identity checked by phone' };

/** Sent to the user's recovery address and read back from the outbox (staff never see it). */
async function issueLink(issuer: Caller, userId: string): Promise<string> {
  return staffSentResetToken(app, issuer, userId);
}

let redemptions = 0;
function redeem(token: string) {
  // Each from its own address: this file redeems more often than the per-IP limit allows.
  redemptions += 1;
  return app.inject({
    method: 'POST',
    url: '/api/password-reset',
    headers: { 'x-requested-with': 'mailgate' },
    remoteAddress: `198.51.100.${redemptions}`,
    payload: { token, newPassword },
  });
}

async function expectRefused(token: string, userId: string) {
  const response = await redeem(token);
  expect(response.json()).toMatchObject({ status: 400, code: 'RESET_LINK_INVALID' });
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId } });
  expect(await verifyPassword(user.passwordHash, newPassword)).toBe(false);
}

describe('staff-issued password-reset links are bound to the account and the issuer', () => {
  it('cannot hand over an account promoted after the link was issued (the escalation from the report)', async () => {
    const support = await signedInUser(app, 'SUPPORT');
    const customer = await createCustomer(app);
    const token = await issueLink(support, customer.user.id);

    const promoted = await callAs(app, admin, 'PUT', `/api/admin/users/${customer.user.id}/role`, {
      payload: { role: 'ADMIN', ...reason },
    });
    expect(promoted.statusCode, promoted.body).toBe(200);

    await expectRefused(token, customer.user.id);
    // The attacker's next steps (sign in with the chosen password) therefore never start.
    const signInAttempt = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'x-requested-with': 'mailgate' },
      payload: { email: customer.user.email, password: newPassword },
    });
    expect(signInAttempt.json().code).toBe('INVALID_CREDENTIALS');
  });

  it('is voided by a role change even when the issuer could act on the new role', async () => {
    const customer = await createCustomer(app);
    const token = await issueLink(admin, customer.user.id);
    const changed = await callAs(app, admin, 'PUT', `/api/admin/users/${customer.user.id}/role`, {
      payload: { role: 'SUPPORT', ...reason },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    await expectRefused(token, customer.user.id);
  });

  it("is voided by the user's own password change", async () => {
    const support = await signedInUser(app, 'SUPPORT');
    const user = await createUser(prisma);
    const session = await signedInAs(app, user);
    const token = await issueLink(support, user.id);
    const changed = await app.inject({
      method: 'POST',
      url: '/api/account/password',
      cookies: session.cookies,
      headers: session.headers,
      payload: { currentPassword: user.password, newPassword: 'lantern meadow quarry tundra 5521' },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    await expectRefused(token, user.id);
  });

  it('is voided by turning 2FA off (the user) and by staff removing it', async () => {
    const support = await signedInUser(app, 'SUPPORT');
    const own = await createCustomer(app);
    const ownToken = await issueLink(support, own.user.id);
    const session = await signIn(app, own.user);
    const disabled = await app.inject({
      method: 'DELETE',
      url: '/api/account/totp',
      cookies: session.cookies,
      headers: session.headers,
    });
    expect(disabled.statusCode, disabled.body).toBe(204);
    await expectRefused(ownToken, own.user.id);

    const other = await createCustomer(app);
    const otherToken = await issueLink(support, other.user.id);
    const removed = await callAs(app, support, 'POST', `/api/admin/users/${other.user.id}/two-factor/remove`, {
      payload: reason,
    });
    expect(removed.statusCode, removed.body).toBe(204);
    await expectRefused(otherToken, other.user.id);
  });

  it('is voided by disabling the account, and stays void after it is enabled again', async () => {
    const support = await signedInUser(app, 'SUPPORT');
    const customer = await createCustomer(app);
    const token = await issueLink(support, customer.user.id);
    for (const step of ['disable', 'enable']) {
      const response = await callAs(app, support, 'POST', `/api/admin/users/${customer.user.id}/${step}`, {
        payload: reason,
      });
      expect(response.statusCode, response.body).toBe(200);
    }
    await expectRefused(token, customer.user.id);
  });

  it('is refused once its issuer was demoted, disabled or lost 2FA', async () => {
    const cases: [string, (issuerId: string) => Promise<unknown>][] = [
      [
        'demoted',
        (issuerId) =>
          callAs(app, admin, 'PUT', `/api/admin/users/${issuerId}/role`, { payload: { role: 'USER', ...reason } }),
      ],
      [
        'disabled',
        (issuerId) => callAs(app, admin, 'POST', `/api/admin/users/${issuerId}/disable`, { payload: reason }),
      ],
      [
        'without 2FA',
        (issuerId) => callAs(app, admin, 'POST', `/api/admin/users/${issuerId}/two-factor/remove`, { payload: reason }),
      ],
    ];
    for (const [label, change] of cases) {
      const support = await signedInUser(app, 'SUPPORT');
      const customer = await createCustomer(app);
      const token = await issueLink(support, customer.user.id);
      const response = (await change(support.user.id)) as { statusCode: number; body: string };
      expect(response.statusCode, `${label}: ${response.body}`).toBeLessThan(300);
      await expectRefused(token, customer.user.id);
    }
  });

  it('still works when nothing changed (the control for the cases above)', async () => {
    const support = await signedInUser(app, 'SUPPORT');
    const customer = await createCustomer(app);
    const token = await issueLink(support, customer.user.id);
    expect((await redeem(token)).statusCode).toBe(204);
  });
});

describe('the account owner sees pending links and can cancel them', () => {
  it('lists the pending link (issuer as "support", reason, times) and cancels it: audited, with a notice', async () => {
    const support = await signedInUser(app, 'SUPPORT');
    const owner = await signedInUser(app, 'USER');
    const stranger = await signedInUser(app, 'USER');
    const token = await issueLink(support, owner.user.id);

    const listed = await callAs(app, owner, 'GET', '/api/account/password-reset-links');
    expect(listed.statusCode).toBe(200);
    const { links } = listed.json<{ links: { id: string; issuedBy: string; reason: string; expiresAt: string }[] }>();
    expect(links).toEqual([
      expect.objectContaining({ issuedBy: 'support', reason: reason.reason, expiresAt: expect.any(String) }),
    ]);
    expect(JSON.stringify(links)).not.toContain(support.user.email);
    expect(JSON.stringify(links)).not.toContain(token);
    expect((await callAs(app, stranger, 'GET', '/api/account/password-reset-links')).json().links).toEqual([]);

    const linkId = links[0]!.id;
    const foreign = await callAs(app, stranger, 'DELETE', `/api/account/password-reset-links/${linkId}`);
    expect(foreign.json()).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    const withoutCsrf = await app.inject({
      method: 'DELETE',
      url: `/api/account/password-reset-links/${linkId}`,
      cookies: owner.auth.cookies,
    });
    expect(withoutCsrf.json().code).toBe('CSRF_CHECK_FAILED');

    const cancelled = await callAs(app, owner, 'DELETE', `/api/account/password-reset-links/${linkId}`);
    expect(cancelled.statusCode, cancelled.body).toBe(204);
    expect((await callAs(app, owner, 'GET', '/api/account/password-reset-links')).json().links).toEqual([]);
    expect((await callAs(app, owner, 'DELETE', `/api/account/password-reset-links/${linkId}`)).statusCode).toBe(404);

    await expectRefused(token, owner.user.id);
    const events = await prisma.auditEvent.findMany({ where: { targetUserId: owner.user.id }, orderBy: { id: 'asc' } });
    expect(events.map((event) => event.action)).toEqual(['password_reset.link_sent', 'password_reset.link_cancelled']);
    expect(events[1]).toMatchObject({ actorId: owner.user.id, actorRole: 'USER' });
    const notices = await prisma.securityNotice.findMany({ where: { userId: owner.user.id } });
    expect(notices.map((notice) => notice.kind).sort()).toEqual([
      'PASSWORD_RESET_LINK_CANCELLED',
      'PASSWORD_RESET_LINK_CREATED',
    ]);
  });

  it('does not list a link that a later change voided', async () => {
    const support = await signedInUser(app, 'SUPPORT');
    const owner = await signedInUser(app, 'USER');
    await issueLink(support, owner.user.id);
    await callAs(app, admin, 'PUT', `/api/admin/users/${support.user.id}/role`, {
      payload: { role: 'USER', ...reason },
    });
    expect((await callAs(app, owner, 'GET', '/api/account/password-reset-links')).json().links).toEqual([]);
  });
});
