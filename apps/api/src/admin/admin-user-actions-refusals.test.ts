import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db/test-database.js';
import { createTestApp, withTestApp } from '../../test/support/test-app.js';
import { auditEventsFor, callAs, lastAuditId, signedInUser, type Caller } from '../../test/support/admin-kit.js';
import { createCustomer } from '../../test/support/admin-fixtures.js';
import { PrismaService } from '../infrastructure/database/prisma.service.js';

let app: NestFastifyApplication;
let prisma: PrismaService;
let support: Caller;
let admin: Caller;

withTestApp((started) => ({ app, prisma } = started));
beforeAll(async () => {
  support = await signedInUser(app, 'SUPPORT');
  admin = await signedInUser(app, 'ADMIN');
});

const reason = 'Ticket 99';

async function snapshot(userId: string) {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId } });
  return {
    user,
    appPasswords: await prisma.appPassword.findMany({ where: { userId }, orderBy: { id: 'asc' } }),
    sessions: await prisma.session.findMany({ where: { userId }, orderBy: { id: 'asc' } }),
    access: await prisma.protocolAccess.findMany({ where: { userId }, orderBy: { protocol: 'asc' } }),
    locks: await prisma.authLock.findMany({ where: { userId } }),
    notices: await prisma.securityNotice.count({ where: { userId } }),
    resets: await prisma.passwordResetToken.count({ where: { userId } }),
    audit: (await auditEventsFor(app, userId)).length,
  };
}

describe('bad input: a clear 4xx with a code, and nothing written', () => {
  const actions = (customer: Awaited<ReturnType<typeof createCustomer>>) =>
    [
      ['PUT', '/protocol-access/IMAP', { enabled: false }],
      ['POST', `/app-passwords/${customer.appPassword.id}/revoke`, {}],
      ['POST', '/app-passwords/revoke-all', {}],
      ['POST', `/sessions/${customer.sessionId}/revoke`, {}],
      ['POST', '/sessions/revoke-all', {}],
      ['POST', `/locks/${customer.lock.id}/lift`, {}],
      ['POST', '/disable', {}],
      ['POST', '/two-factor/remove', {}],
      ['POST', '/password-reset-links', {}],
      ['PUT', '/role', { role: 'SUPPORT' }],
    ] as const;

  it('refuses every action without a reason, with a blank one, or with one over 500 characters', async () => {
    const customer = await createCustomer(app);
    const before = await snapshot(customer.user.id);
    for (const [method, path, body] of actions(customer)) {
      for (const badReason of [undefined, '   ', 'x'.repeat(501), 'null byte \u0000 here']) {
        const response = await callAs(app, admin, method, `/api/admin/users/${customer.user.id}${path}`, {
          payload: badReason === undefined ? body : { ...body, reason: badReason },
        });
        expect(response.statusCode, `${path} ${JSON.stringify(badReason)}`).toBe(400);
        expect(response.json()).toMatchObject({
          code: 'VALIDATION_FAILED',
          issues: [expect.objectContaining({ path: 'reason' })],
        });
      }
    }
    // 500 characters is still fine.
    const ok = await callAs(app, admin, 'POST', `/api/admin/users/${customer.user.id}/sessions/revoke-all`, {
      payload: { reason: 'y'.repeat(500) },
    });
    expect(ok.statusCode).toBe(200);
    const after = await snapshot(customer.user.id);
    expect({ ...after, sessions: before.sessions, audit: before.audit, notices: before.notices }).toEqual(before);
    expect(after.audit).toBe(1);
  });

  it('answers 404 USER_NOT_FOUND for unknown users and 400 for malformed ids', async () => {
    const since = await lastAuditId(app);
    const unknown = randomUUID();
    for (const [method, path, body] of actions({
      appPassword: { id: randomUUID() },
      sessionId: randomUUID(),
      lock: { id: randomUUID() },
    } as never)) {
      const response = await callAs(app, admin, method, `/api/admin/users/${unknown}${path}`, {
        payload: { ...body, reason },
      });
      expect(response.statusCode, path).toBe(404);
      expect(response.json().code, path).toBe('USER_NOT_FOUND');
    }
    const detail = await callAs(app, support, 'GET', `/api/admin/users/${unknown}`);
    expect(detail.json()).toMatchObject({ status: 404, code: 'USER_NOT_FOUND' });
    const malformed = await callAs(app, support, 'GET', '/api/admin/users/not-a-uuid');
    expect(malformed.json()).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    expect(await prisma.auditEvent.count({ where: { id: { gt: since }, actorId: admin.user.id } })).toBe(0);
  });

  it("answers 404 for another user's app password, session or lock (the lock with mail-auth's code)", async () => {
    const customer = await createCustomer(app);
    const stranger = await createCustomer(app);
    const before = await snapshot(stranger.user.id);
    for (const [path, code] of [
      [`/app-passwords/${stranger.appPassword.id}/revoke`, 'ITEM_NOT_FOUND'],
      [`/sessions/${stranger.sessionId}/revoke`, 'ITEM_NOT_FOUND'],
      [`/locks/${stranger.lock.id}/lift`, 'AUTH_LOCK_NOT_FOUND'],
    ]) {
      const response = await callAs(app, support, 'POST', `/api/admin/users/${customer.user.id}${path}`, {
        payload: { reason },
      });
      expect(response.statusCode, path).toBe(404);
      expect(response.json().code, path).toBe(code);
    }
    expect(await snapshot(stranger.user.id)).toEqual(before);
    expect((await snapshot(customer.user.id)).audit).toBe(0);
  });

  it('refuses forged role values and unknown fields', async () => {
    const customer = await createCustomer(app);
    const before = await snapshot(customer.user.id);
    for (const payload of [
      { role: 'ROOT', reason },
      { role: 'admin', reason },
      { role: ['ADMIN'], reason },
      { role: 'ADMIN', reason, isSuperuser: true },
    ]) {
      const response = await callAs(app, admin, 'PUT', `/api/admin/users/${customer.user.id}/role`, { payload });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json().code).toBe('VALIDATION_FAILED');
    }
    const viaSearch = await callAs(app, support, 'GET', '/api/admin/users', { query: { q: 'abc', role: 'GOD' } });
    expect(viaSearch.statusCode).toBe(400);
    expect(await snapshot(customer.user.id)).toEqual(before);
  });

  it('lets SUPPORT see but not act on staff accounts (403 FORBIDDEN, nothing written)', async () => {
    const otherSupport = await signedInUser(app, 'SUPPORT');
    const otherAdmin = await signedInUser(app, 'ADMIN');
    for (const target of [otherSupport, otherAdmin]) {
      const before = await snapshot(target.user.id);
      for (const path of ['/disable', '/sessions/revoke-all', '/two-factor/remove', '/password-reset-links']) {
        const response = await callAs(app, support, 'POST', `/api/admin/users/${target.user.id}${path}`, {
          payload: { reason },
        });
        expect(response.statusCode, path).toBe(403);
        expect(response.json().code).toBe('FORBIDDEN');
      }
      const access = await callAs(app, support, 'PUT', `/api/admin/users/${target.user.id}/protocol-access/IMAP`, {
        payload: { enabled: true, reason },
      });
      expect(access.statusCode).toBe(403);
      expect(await snapshot(target.user.id)).toEqual(before);
      const detail = await callAs(app, support, 'GET', `/api/admin/users/${target.user.id}`);
      expect(detail.json().permissions).toEqual({ canAct: false, canChangeRole: false });
    }
  });

  it('refuses no-op and self-harming actions', async () => {
    const customer = await createCustomer(app);
    await callAs(app, support, 'POST', `/api/admin/users/${customer.user.id}/disable`, { payload: { reason } });
    const twice = await callAs(app, support, 'POST', `/api/admin/users/${customer.user.id}/disable`, {
      payload: { reason },
    });
    expect(twice.json()).toMatchObject({ status: 409, code: 'NO_CHANGE' });
    const sameRole = await callAs(app, admin, 'PUT', `/api/admin/users/${customer.user.id}/role`, {
      payload: { role: 'USER', reason },
    });
    expect(sameRole.json()).toMatchObject({ status: 409, code: 'NO_CHANGE' });
    expect((await snapshot(customer.user.id)).audit).toBe(1);

    const self = await signedInUser(app, 'ADMIN');
    for (const path of ['/disable', '/two-factor/remove', '/password-reset-links']) {
      const response = await callAs(app, self, 'POST', `/api/admin/users/${self.user.id}${path}`, {
        payload: { reason },
      });
      expect(response.json(), path).toMatchObject({ status: 409, code: 'SELF_ACTION_REFUSED' });
    }
    expect((await snapshot(self.user.id)).audit).toBe(0);
  });

  it('writes nothing for protocol access that is already so, and refuses the POP3 option elsewhere', async () => {
    const customer = await createCustomer(app);
    const before = await snapshot(customer.user.id);
    const url = `/api/admin/users/${customer.user.id}/protocol-access/IMAP`;
    const same = await callAs(app, support, 'PUT', url, { payload: { enabled: true, reason } });
    expect(same.statusCode).toBe(200);
    expect(same.json()).toMatchObject({ protocol: 'IMAP', enabled: true, effectiveEnabled: true });
    const keepCopy = await callAs(app, support, 'PUT', url, {
      payload: { enabled: true, pop3KeepCopy: false, reason },
    });
    expect(keepCopy.json()).toMatchObject({ status: 400, code: 'POP3_KEEP_COPY_ONLY_FOR_POP3' });
    expect(await snapshot(customer.user.id)).toEqual(before);
  });

  it('needs a recent step-up to change roles', async () => {
    const customer = await createCustomer(app);
    const stale = await signedInUser(app, 'ADMIN', { steppedUp: false });
    const response = await callAs(app, stale, 'PUT', `/api/admin/users/${customer.user.id}/role`, {
      payload: { role: 'ADMIN', reason },
    });
    expect(response.json()).toMatchObject({ status: 403, code: 'STEP_UP_REQUIRED' });
    expect((await snapshot(customer.user.id)).user.role).toBe('USER');
  });
});

describe('the last administrator (own database: counts every ADMIN)', () => {
  let database: TestDatabase;
  let isolated: NestFastifyApplication;

  beforeAll(async () => {
    database = await createTestDatabase({ serverUrl: inject('databaseServerUrl') });
    isolated = await createTestApp({ DATABASE_URL: database.url });
  });
  afterAll(async () => {
    await isolated?.close();
    await database?.drop();
  });

  it('cannot be demoted or disabled; with a second admin it can', async () => {
    const only = await signedInUser(isolated, 'ADMIN');
    const demote = await callAs(isolated, only, 'PUT', `/api/admin/users/${only.user.id}/role`, {
      payload: { role: 'SUPPORT', reason },
    });
    expect(demote.json()).toMatchObject({ status: 409, code: 'LAST_ADMIN' });

    // A second admin that is disabled does not count.
    const dormant = await signedInUser(isolated, 'ADMIN');
    await isolated.get(PrismaService).user.update({ where: { id: dormant.user.id }, data: { disabledAt: new Date() } });
    const stillLast = await callAs(isolated, only, 'PUT', `/api/admin/users/${only.user.id}/role`, {
      payload: { role: 'USER', reason },
    });
    expect(stillLast.json().code).toBe('LAST_ADMIN');
    const roles = await isolated.get(PrismaService).user.findMany({ where: { role: 'ADMIN' } });
    expect(roles).toHaveLength(2);
    expect(await isolated.get(PrismaService).auditEvent.count()).toBe(0);

    const second = await signedInUser(isolated, 'ADMIN');
    const demoteOther = await callAs(isolated, only, 'PUT', `/api/admin/users/${second.user.id}/role`, {
      payload: { role: 'SUPPORT', reason },
    });
    expect(demoteOther.statusCode).toBe(200);
    // Now `only` is the last enabled admin again: disabling it from the other side is refused too.
    const promoted = await signedInUser(isolated, 'ADMIN');
    await callAs(isolated, only, 'PUT', `/api/admin/users/${promoted.user.id}/role`, {
      payload: { role: 'USER', reason },
    });
    const lastDemotesSelf = await callAs(isolated, only, 'PUT', `/api/admin/users/${only.user.id}/role`, {
      payload: { role: 'SUPPORT', reason },
    });
    expect(lastDemotesSelf.json().code).toBe('LAST_ADMIN');
  });

  it('stays with at least one admin when two admins demote each other at once', async () => {
    const prismaIsolated = isolated.get(PrismaService);
    await prismaIsolated.user.updateMany({ where: { role: 'ADMIN' }, data: { role: 'USER' } });
    const a = await signedInUser(isolated, 'ADMIN');
    const b = await signedInUser(isolated, 'ADMIN');
    const [first, second] = await Promise.all([
      callAs(isolated, a, 'PUT', `/api/admin/users/${b.user.id}/role`, { payload: { role: 'USER', reason } }),
      callAs(isolated, b, 'PUT', `/api/admin/users/${a.user.id}/role`, { payload: { role: 'USER', reason } }),
    ]);
    const statuses = [first.statusCode, second.statusCode].sort();
    // One wins; the other is refused (LAST_ADMIN), or no longer an admin at all by the time it runs.
    expect(statuses[0]).toBe(200);
    expect([403, 409]).toContain(statuses[1]);
    expect(await prismaIsolated.user.count({ where: { role: 'ADMIN', disabledAt: null } })).toBe(1);
  });
});
