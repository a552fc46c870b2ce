import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { withTestApp } from '../../test/support/test-app.js';
import { auditEventsFor, callAs, signedInUser, type Caller } from '../../test/support/admin-kit.js';
import { createCustomer, type Customer } from '../../test/support/admin-fixtures.js';
import { signedInAs } from '../../test/support/builders.js';
import type { AccountChange } from '../account-events/account-events.service.js';
import { SessionService } from '../auth/session.service.js';
import { PLAIN_COOKIE_NAME } from '../auth/session-cookie.js';
import type { PrismaService } from '../infrastructure/database/prisma.service.js';

let app: NestFastifyApplication;
let prisma: PrismaService;
let support: Caller;
let admin: Caller;
let published: readonly AccountChange[];

withTestApp((started) => ({ app, prisma, accountChanges: published } = started));
beforeAll(async () => {
  support = await signedInUser(app, 'SUPPORT');
  admin = await signedInUser(app, 'ADMIN');
});

const reason = 'Caller verified by callback, ticket 4711';

async function securityVersionOf(userId: string): Promise<number> {
  return (await prisma.user.findUniqueOrThrow({ where: { id: userId } })).securityVersion;
}

/**
 * Runs one staff action and checks what every action must leave behind: exactly one audit event
 * (with actor, role, reason, ip, request id), one notice for the user marked as from staff with the
 * reason, and — for security-relevant changes — a securityVersion bump that was published.
 */
async function act(
  customer: Customer,
  caller: Caller,
  request: { method: 'POST' | 'PUT'; path: string; payload?: Record<string, unknown> },
  expected: { status: number; action: string; notice: string | null; bumps: boolean },
) {
  const versionBefore = await securityVersionOf(customer.user.id);
  const response = await callAs(app, caller, request.method, `/api/admin/users/${customer.user.id}${request.path}`, {
    payload: { reason, ...request.payload },
  });
  expect(response.statusCode, response.body).toBe(expected.status);
  const events = await auditEventsFor(app, customer.user.id);
  expect(events.map((event) => event.action)).toEqual([expected.action]);
  const [event] = events;
  expect(event).toMatchObject({
    actorId: caller.user.id,
    actorRole: caller.user.role,
    reason,
    ip: '127.0.0.1',
    requestId: response.headers['x-request-id'] ?? expect.any(String),
  });
  const notices = await prisma.securityNotice.findMany({ where: { userId: customer.user.id } });
  if (expected.notice) {
    expect(notices).toEqual([expect.objectContaining({ kind: expected.notice, byStaff: true, reason })]);
  } else {
    expect(notices).toEqual([]);
  }
  const versionAfter = await securityVersionOf(customer.user.id);
  expect(versionAfter).toBe(expected.bumps ? versionBefore + 1 : versionBefore);
  if (expected.bumps) {
    expect(published).toContainEqual(
      expect.objectContaining({ userId: customer.user.id, securityVersion: versionAfter }),
    );
  }
  return { response, event: event! };
}

describe('staff actions: one audit event with before/after, a notice with the reason, securityVersion', () => {
  it('turns a protocol on and off', async () => {
    const customer = await createCustomer(app);
    const until = new Date(Date.now() + 7 * 24 * 60 * 60_000).toISOString();
    const on = await act(
      customer,
      support,
      {
        method: 'PUT',
        path: '/protocol-access/POP3',
        payload: { enabled: true, enabledUntil: until, pop3KeepCopy: false },
      },
      { status: 200, action: 'protocol_access.enabled', notice: 'PROTOCOL_ENABLED', bumps: true },
    );
    expect(on.response.json()).toMatchObject({
      protocol: 'POP3',
      enabled: true,
      effectiveEnabled: true,
      pop3KeepCopy: false,
    });
    expect(on.event.before).toMatchObject({ protocol: 'POP3', enabled: false });
    expect(on.event.after).toMatchObject({ protocol: 'POP3', enabled: true, enabledUntil: until, pop3KeepCopy: false });
    const row = await prisma.protocolAccess.findUniqueOrThrow({
      where: { userId_protocol: { userId: customer.user.id, protocol: 'POP3' } },
    });
    expect(row).toMatchObject({ enabled: true, pop3KeepCopy: false, enabledUntil: new Date(until) });

    const other = await createCustomer(app);
    const off = await act(
      other,
      admin,
      { method: 'PUT', path: '/protocol-access/IMAP', payload: { enabled: false } },
      { status: 200, action: 'protocol_access.disabled', notice: 'PROTOCOL_DISABLED', bumps: true },
    );
    expect(off.event.before).toMatchObject({ enabled: true });
    expect(off.event.after).toMatchObject({ enabled: false });
  });

  it('revokes one app password, then refuses to revoke it again without a second record', async () => {
    const customer = await createCustomer(app);
    const { event } = await act(
      customer,
      support,
      { method: 'POST', path: `/app-passwords/${customer.appPassword.id}/revoke` },
      { status: 204, action: 'app_password.revoked', notice: 'APP_PASSWORD_REVOKED', bumps: true },
    );
    expect(event.before).toMatchObject({ id: customer.appPassword.id });
    expect(event.after).toMatchObject({ id: customer.appPassword.id, revokedAt: expect.any(String) });
    const again = await callAs(
      app,
      support,
      'POST',
      `/api/admin/users/${customer.user.id}/app-passwords/${customer.appPassword.id}/revoke`,
      {
        payload: { reason },
      },
    );
    expect(again.statusCode).toBe(404);
    expect(again.json().code).toBe('ITEM_NOT_FOUND');
    expect(await auditEventsFor(app, customer.user.id)).toHaveLength(1);
  });

  it('revokes all app passwords', async () => {
    const customer = await createCustomer(app);
    const { response, event } = await act(
      customer,
      support,
      { method: 'POST', path: '/app-passwords/revoke-all' },
      { status: 200, action: 'app_password.revoked_all', notice: 'APP_PASSWORDS_REVOKED_ALL', bumps: true },
    );
    expect(response.json()).toEqual({ revoked: 1 });
    expect(event.after).toMatchObject({ revoked: 1 });
    const left = await prisma.appPassword.count({ where: { userId: customer.user.id, revokedAt: null } });
    expect(left).toBe(0);
  });

  it('signs the user out of one session, and of all sessions', async () => {
    const customer = await createCustomer(app);
    const { event } = await act(
      customer,
      support,
      { method: 'POST', path: `/sessions/${customer.sessionId}/revoke` },
      { status: 204, action: 'session.revoked', notice: 'SESSION_REVOKED', bumps: false },
    );
    expect(event.before).toMatchObject({ sessionId: customer.sessionId, revokedAt: null });
    expect(event.after).toMatchObject({ sessionId: customer.sessionId, revokedAt: expect.any(String) });

    const other = await createCustomer(app);
    const issued = await app
      .get(SessionService)
      .issue(other.user.id, { ip: '198.51.100.2', requestId: 'x', userAgent: null });
    const all = await act(
      other,
      admin,
      { method: 'POST', path: '/sessions/revoke-all' },
      { status: 200, action: 'session.revoked_all', notice: 'SESSIONS_REVOKED_ALL', bumps: false },
    );
    expect(all.response.json()).toEqual({ revoked: 2 });
    expect(all.event).toMatchObject({ before: { activeSessions: 2 }, after: { activeSessions: 0 } });
    const probe = await app.inject({
      method: 'GET',
      url: `/api/admin/users/${other.user.id}`,
      cookies: { [PLAIN_COOKIE_NAME]: issued.token },
    });
    expect(probe.statusCode).toBe(401);
  });

  it('lifts a brute-force lock', async () => {
    const customer = await createCustomer(app);
    const { event } = await act(
      customer,
      support,
      { method: 'POST', path: `/locks/${customer.lock.id}/lift` },
      { status: 204, action: 'auth_lock.lifted', notice: 'LOGIN_LOCK_LIFTED', bumps: true },
    );
    expect(event.before).toMatchObject({ scope: 'USER_IP', clientIp: '203.0.113.7' });
    const lock = await prisma.authLock.findUniqueOrThrow({ where: { id: customer.lock.id } });
    expect(lock).toMatchObject({ liftedAt: expect.any(Date), liftedById: support.user.id, liftReason: reason });
  });

  it('disables an account (ending its sessions) and enables it again', async () => {
    const customer = await createCustomer(app);
    const disabled = await act(
      customer,
      support,
      { method: 'POST', path: '/disable' },
      { status: 200, action: 'account.disabled', notice: 'ACCOUNT_DISABLED', bumps: true },
    );
    expect(disabled.response.json()).toMatchObject({ id: customer.user.id, disabled: true });
    expect(disabled.event.before).toMatchObject({ disabled: false });
    expect(disabled.event.after).toMatchObject({ disabled: true, sessionsEnded: 1 });
    const user = await prisma.user.findUniqueOrThrow({ where: { id: customer.user.id } });
    expect(user).toMatchObject({ disabledReason: reason, disabledAt: expect.any(Date) });
    expect(await prisma.session.count({ where: { userId: customer.user.id, revokedAt: null } })).toBe(0);

    await prisma.securityNotice.deleteMany({ where: { userId: customer.user.id } });
    const versionBefore = await securityVersionOf(customer.user.id);
    const enabled = await callAs(app, admin, 'POST', `/api/admin/users/${customer.user.id}/enable`, {
      payload: { reason },
    });
    expect(enabled.statusCode).toBe(200);
    expect(enabled.json()).toMatchObject({ disabled: false });
    const events = await auditEventsFor(app, customer.user.id);
    expect(events.map((event) => event.action)).toEqual(['account.disabled', 'account.enabled']);
    expect(events[1]).toMatchObject({ before: { disabled: true }, after: { disabled: false, disabledAt: null } });
    expect(await securityVersionOf(customer.user.id)).toBe(versionBefore + 1);
  });

  it("removes a user's 2FA and its recovery codes", async () => {
    const customer = await createCustomer(app);
    await prisma.recoveryCode.createMany({
      data: [1, 2, 3].map((n) => ({ userId: customer.user.id, codeHash: `hash-${n}-${customer.user.id}` })),
    });
    const { event } = await act(
      customer,
      support,
      { method: 'POST', path: '/two-factor/remove' },
      { status: 204, action: 'totp.disabled', notice: 'TOTP_DISABLED', bumps: true },
    );
    expect(event.before).toMatchObject({ enabled: true });
    expect(event.after).toMatchObject({ enabled: false });
    const user = await prisma.user.findUniqueOrThrow({ where: { id: customer.user.id } });
    expect(user).toMatchObject({ totpEnabledAt: null, totpSecretEncrypted: null });
    expect(await prisma.recoveryCode.count({ where: { userId: customer.user.id } })).toBe(0);
  });

  it('changes a role (ADMIN, stepped up)', async () => {
    const customer = await createCustomer(app);
    const { response, event } = await act(
      customer,
      admin,
      { method: 'PUT', path: '/role', payload: { role: 'SUPPORT' } },
      { status: 200, action: 'account.role_changed', notice: 'ROLE_CHANGED', bumps: true },
    );
    expect(response.json()).toMatchObject({ role: 'SUPPORT' });
    expect(event).toMatchObject({ before: { role: 'USER' }, after: { role: 'SUPPORT' } });
  });
});

describe('what the user sees of a staff change', () => {
  it('lists it in their notices and activity as made by support, with the reason', async () => {
    const customer = await createCustomer(app);
    const revoked = await callAs(app, support, 'POST', `/api/admin/users/${customer.user.id}/sessions/revoke-all`, {
      payload: { reason },
    });
    expect(revoked.statusCode, revoked.body).toBe(200);
    const roleChanged = await callAs(app, admin, 'PUT', `/api/admin/users/${customer.user.id}/role`, {
      payload: { role: 'SUPPORT', reason },
    });
    expect(roleChanged.statusCode, roleChanged.body).toBe(200);

    // The staff action ended the customer's session; a new one reads what happened.
    const own = { user: customer.user, auth: await signedInAs(app, customer.user) };
    const notices = await callAs(app, own, 'GET', '/api/account/notices');
    expect(notices.json().notices).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'SESSIONS_REVOKED_ALL', byStaff: true, reason, params: { count: 1 } }),
        expect.objectContaining({
          kind: 'ROLE_CHANGED',
          byStaff: true,
          reason,
          params: { from: 'USER', to: 'SUPPORT' },
        }),
      ]),
    );
    const activity = await callAs(app, own, 'GET', '/api/account/activity/events');
    expect(activity.json().events.slice(0, 2)).toEqual([
      expect.objectContaining({
        action: 'account.role_changed',
        actorKind: 'support',
        reason,
        details: { role: 'SUPPORT' },
      }),
      expect.objectContaining({ action: 'session.revoked_all', actorKind: 'support', reason, details: {} }),
    ]);
  });
});
