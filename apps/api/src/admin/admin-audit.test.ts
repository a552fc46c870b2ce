import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { withTestApp } from '../../test/support/test-app.js';
import { callAs, signedInUser, type Caller } from '../../test/support/admin-kit.js';
import { createCustomer } from '../../test/support/admin-fixtures.js';
import { PrismaService } from '../infrastructure/database/prisma.service.js';
import { adminAuditOperations } from '@mailgate/contracts';
import { expectContract } from '../../test/support/contract-client.js';

let app: NestFastifyApplication;
let support: Caller;
let admin: Caller;

withTestApp((started) => ({ app } = started));
beforeAll(async () => {
  support = await signedInUser(app, 'SUPPORT');
  admin = await signedInUser(app, 'ADMIN');
});

describe('audit log for staff', () => {
  it('filters by user, actor, action (exact or prefix) and time, newest first, with cursor pages', async () => {
    const customer = await createCustomer(app);
    const url = `/api/admin/users/${customer.user.id}`;
    await callAs(app, support, 'PUT', `${url}/protocol-access/IMAP`, { payload: { enabled: false, reason: 'one' } });
    await callAs(app, admin, 'PUT', `${url}/protocol-access/SMTP`, { payload: { enabled: true, reason: 'two' } });
    await callAs(app, support, 'POST', `${url}/sessions/revoke-all`, { payload: { reason: 'three' } });

    const all = await callAs(app, support, 'GET', '/api/admin/audit-events', { query: { userId: customer.user.id } });
    const { items } = expectContract(adminAuditOperations.queryAuditLog, all);
    expect(items.map((item) => item.reason)).toEqual(['three', 'two', 'one']);
    expect(items[1]).toMatchObject({
      actorEmail: admin.user.email,
      targetEmail: customer.user.email,
      action: 'protocol_access.enabled',
    });

    const byActor = await callAs(app, support, 'GET', '/api/admin/audit-events', {
      query: { userId: customer.user.id, actorId: admin.user.id },
    });
    expect(expectContract(adminAuditOperations.queryAuditLog, byActor).items.map((item) => item.reason)).toEqual([
      'two',
    ]);
    // Staff know e-mail addresses, not ids: the same filters by address (typed in any case).
    const byEmail = await callAs(app, support, 'GET', '/api/admin/audit-events', {
      query: { userEmail: customer.user.email.toUpperCase(), actorEmail: admin.user.email },
    });
    expect(byEmail.statusCode).toBe(200);
    expect(expectContract(adminAuditOperations.queryAuditLog, byEmail).items.map((item) => item.reason)).toEqual([
      'two',
    ]);
    const nobody = await callAs(app, support, 'GET', '/api/admin/audit-events', {
      query: { userEmail: 'nobody-here@example.test' },
    });
    expect(expectContract(adminAuditOperations.queryAuditLog, nobody).items).toEqual([]);
    const badEmail = await callAs(app, support, 'GET', '/api/admin/audit-events', {
      query: { userEmail: 'not-an-address' },
    });
    expect(badEmail.json()).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    const byPrefix = await callAs(app, support, 'GET', '/api/admin/audit-events', {
      query: { userId: customer.user.id, action: 'protocol_access.' },
    });
    expect(expectContract(adminAuditOperations.queryAuditLog, byPrefix).items).toHaveLength(2);
    const byExact = await callAs(app, support, 'GET', '/api/admin/audit-events', {
      query: { userId: customer.user.id, action: 'protocol_access.disabled' },
    });
    expect(expectContract(adminAuditOperations.queryAuditLog, byExact).items.map((item) => item.reason)).toEqual([
      'one',
    ]);
    const future = await callAs(app, support, 'GET', '/api/admin/audit-events', {
      query: { userId: customer.user.id, from: new Date(Date.now() + 60_000).toISOString() },
    });
    expect(expectContract(adminAuditOperations.queryAuditLog, future).items).toEqual([]);
    const past = await callAs(app, support, 'GET', '/api/admin/audit-events', {
      query: { userId: customer.user.id, to: new Date(Date.now() - 60 * 60_000).toISOString() },
    });
    expect(expectContract(adminAuditOperations.queryAuditLog, past).items).toEqual([]);

    const reasons: (string | null)[] = [];
    let cursor: string | null = null;
    do {
      const page = await callAs(app, support, 'GET', '/api/admin/audit-events', {
        query: { userId: customer.user.id, limit: '2', ...(cursor ? { cursor } : {}) },
      });
      const body = expectContract(adminAuditOperations.queryAuditLog, page);
      reasons.push(...body.items.map((item) => item.reason));
      cursor = body.nextCursor;
    } while (cursor);
    expect(reasons).toEqual(['three', 'two', 'one']);

    const bad = await callAs(app, support, 'GET', '/api/admin/audit-events', { query: { cursor: 'bm9wZQ' } });
    expect(bad.json()).toMatchObject({ status: 400, code: 'INVALID_CURSOR' });
  });

  it('exports CSV with formula cells escaped and proper quoting', async () => {
    const customer = await createCustomer(app);
    const hostile = '=HYPERLINK("http://evil.example","click"), @me';
    await callAs(app, support, 'POST', `/api/admin/users/${customer.user.id}/sessions/revoke-all`, {
      payload: { reason: hostile },
    });
    await callAs(app, support, 'POST', `/api/admin/users/${customer.user.id}/app-passwords/revoke-all`, {
      payload: { reason: '-1+1' },
    });
    const response = await callAs(app, support, 'GET', '/api/admin/audit-events/export', {
      query: { userId: customer.user.id },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="mailgate-audit-.+\.csv"$/);
    const lines = response.body.split('\r\n');
    expect(lines[0]).toBe(
      'id,createdAt,actorRole,actorEmail,actorId,targetEmail,targetUserId,action,reason,before,after,ip,requestId',
    );
    expect(lines).toHaveLength(4); // header, two events, trailing empty string
    expect(lines[1]).toContain(`,app_password.revoked_all,'-1+1,`);
    expect(lines[2]).toContain(`,session.revoked_all,"'=HYPERLINK(""http://evil.example"",""click""), @me",`);
    // JSON cells are quoted, never split into columns.
    expect(lines[2]).toContain('"{""activeSessions"":1}"');
    expect(lines[3]).toBe('');
  });

  it('has no endpoint that changes or deletes events', async () => {
    const [event] = await app.get(PrismaService).auditEvent.findMany({ take: 1 });
    for (const method of ['PUT', 'PATCH', 'DELETE'] as const) {
      const response = await callAs(app, admin, method, `/api/admin/audit-events/${event!.id}`, { payload: {} });
      expect(response.statusCode).toBe(404);
    }
  });
});
