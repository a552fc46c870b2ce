import type { AddressInfo } from 'node:net';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp } from '../../test/support/test-app.js';
import { callAs, signedInUser, type Caller } from '../../test/support/admin-kit.js';
import { createUser } from '../../test/support/builders.js';
import { AuditQueryService } from '../audit/audit-query.service.js';
import { PrismaService } from '../infrastructure/database/prisma.service.js';

let app: NestFastifyApplication;
let support: Caller;
let baseUrl: string;

beforeAll(async () => {
  app = await createTestApp();
  support = await signedInUser(app, 'SUPPORT');
  await app.listen(0, '127.0.0.1');
  baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
});
afterAll(() => app.close());
afterEach(() => vi.restoreAllMocks());

const cursorOf = (inner: unknown) => Buffer.from(JSON.stringify(inner)).toString('base64url');
const auditLog = (query: Record<string, string>, path = '/api/admin/audit-events') =>
  callAs(app, support, 'GET', path, { query });

describe('audit log input', () => {
  it.each([
    ['beyond bigint', cursorOf({ before: '9223372036854775808' })],
    ['20 digits', cursorOf({ before: '99999999999999999999' })],
    ['negative', cursorOf({ before: '-1' })],
    ['a number instead of text', cursorOf({ before: 5 })],
    ['the old bare-digits form beyond bigint', Buffer.from('9999999999999999999').toString('base64url')],
    ['invalid UTF-8', Buffer.from([0xed, 0xa0, 0x80]).toString('base64url')],
  ])('refuses a cursor holding %s with INVALID_CURSOR', async (_label, cursor) => {
    const response = await auditLog({ cursor });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'INVALID_CURSOR', status: 400 });
  });

  it('accepts the largest id a bigint holds', async () => {
    const response = await auditLog({ cursor: cursorOf({ before: '9223372036854775807' }), limit: '1' });
    expect(response.statusCode).toBe(200);
  });

  it.each([
    ['from', '0000-01-01T00:00:00Z'],
    ['from', '0000-01-01T00:00:00+01:00'],
    ['to', '+275760-09-13T00:00:00.000Z'],
    ['to', '9999-12-31T23:59:59-23:59'],
    ['from', '1969-12-31T23:59:59Z'],
  ])('refuses %s = %s with VALIDATION_FAILED, on the page and the export', async (field, value) => {
    for (const path of ['/api/admin/audit-events', '/api/admin/audit-events/export']) {
      const response = await auditLog({ [field]: value }, path);
      expect(response.statusCode, path).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json()).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: field }] });
    }
  });

  it('accepts dates at the ends of the range', async () => {
    const response = await auditLog({ from: '1970-01-01T00:00:00Z', to: '9999-12-31T23:59:59.999Z' });
    expect(response.statusCode).toBe(200);
  });
});

describe('audit export that fails half-way', () => {
  const request = (userId: string) =>
    fetch(`${baseUrl}/api/admin/audit-events/export?userId=${userId}`, {
      headers: {
        'x-requested-with': 'mailgate',
        cookie: Object.entries(support.auth.cookies)
          .map(([name, value]) => `${name}=${value}`)
          .join('; '),
      },
    });

  it('breaks the transfer instead of ending a file that looks complete', async () => {
    // More events than one export batch (1,000), so a second read happens after the header.
    const target = await createUser(app.get(PrismaService));
    await app.get(PrismaService).auditEvent.createMany({
      data: Array.from({ length: 1_050 }, (_, index) => ({
        actorRole: 'SYSTEM',
        targetUserId: target.id,
        action: 'test.export_row',
        reason: `row ${index}`,
      })),
    });

    const complete = await request(target.id);
    expect(complete.status).toBe(200);
    const text = await complete.text();
    expect(text.split('\r\n')).toHaveLength(1 + 1_050 + 1);

    // The database goes away after the first batch: the header and 1,000 rows are already out.
    const service = app.get(AuditQueryService);
    const read = Reflect.get(service, 'read') as (...args: unknown[]) => Promise<unknown>;
    let calls = 0;
    vi.spyOn(service as unknown as { read: typeof read }, 'read').mockImplementation(function (this: unknown, ...args) {
      calls += 1;
      return calls === 1 ? read.apply(service, args) : Promise.reject(new Error('connection terminated'));
    });
    const broken = await request(target.id);
    expect(broken.status).toBe(200);
    await expect(broken.text()).rejects.toThrow();
    expect(calls).toBe(2);
  });

  it('answers a failure of the first read with a problem, before any CSV', async () => {
    const service = app.get(AuditQueryService);
    vi.spyOn(service as unknown as { read: () => Promise<unknown> }, 'read').mockRejectedValue(
      new Error('connection terminated'),
    );
    const response = await request(support.user.id);
    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await response.json()).toMatchObject({ code: 'INTERNAL_ERROR' });
  });
});
