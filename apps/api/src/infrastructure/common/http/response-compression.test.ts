import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomer } from '../../../../test/support/admin-fixtures.js';
import { callAs, signedInUser, type Caller } from '../../../../test/support/admin-kit.js';
import { createUser } from '../../../../test/support/builders.js';
import { loginBody, mailAuthEnv, TEST_MAIL_TOKEN } from '../../../../test/support/mail-auth-client.js';
import { createTestApp } from '../../../../test/support/test-app.js';
import { PrismaService } from '../../database/prisma.service.js';
import { COMPRESSION_THRESHOLD_BYTES } from './response-compression.js';

describe('API response compression', () => {
  let app: NestFastifyApplication;
  let support: Caller;

  beforeAll(async () => {
    app = await createTestApp(mailAuthEnv());
    support = await signedInUser(app, 'SUPPORT');
  });
  afterAll(() => app?.close());

  const get = (url: string, headers: Record<string, string> = {}, caller?: Caller) =>
    app.inject({
      method: 'GET',
      url,
      headers: { 'x-requested-with': 'mailgate', ...headers },
      ...(caller ? { cookies: caller.auth.cookies } : {}),
    });

  it('compresses a JSON response above the threshold for a client that asks, br first, then gzip', async () => {
    const plain = await get('/api/openapi.json');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.length).toBeGreaterThan(COMPRESSION_THRESHOLD_BYTES);

    const br = await get('/api/openapi.json', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.headers['content-type']).toMatch(/^application\/json/);
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
    expect(brotliDecompressSync(br.rawPayload).equals(plain.rawPayload)).toBe(true);

    const gzip = await get('/api/openapi.json', { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload).equals(plain.rawPayload)).toBe(true);
  });

  it('leaves small responses as they are', async () => {
    const response = await get('/api/health', { 'accept-encoding': 'br, gzip' });
    expect(response.rawPayload.length).toBeLessThan(COMPRESSION_THRESHOLD_BYTES);
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('never touches a mail decision: it stays under the threshold even when a client asks', async () => {
    const user = await createUser(app.get(PrismaService), { imap: true });
    const response = await app.inject({
      method: 'POST',
      url: '/api/mail/v1/auth',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${TEST_MAIL_TOKEN}`,
        'accept-encoding': 'br, gzip',
      },
      payload: JSON.stringify(loginBody(user)),
    });
    expect(response.json()).toMatchObject({ decision: 'allow' });
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.rawPayload.length).toBeLessThan(COMPRESSION_THRESHOLD_BYTES);
  });

  it('streams the audit CSV export compressed, to the same bytes as uncompressed', async () => {
    const customer = await createCustomer(app);
    for (let index = 0; index < 20; index += 1) {
      await callAs(app, support, 'POST', `/api/admin/users/${customer.user.id}/sessions/revoke-all`, {
        payload: { reason: `compression check ${index}` },
      });
    }
    const url = `/api/admin/audit-events/export?userId=${customer.user.id}`;
    const plain = await get(url, {}, support);
    expect(plain.statusCode).toBe(200);
    expect(plain.body.split('\r\n')).toHaveLength(22); // header, 20 events, trailing empty string

    const gzip = await get(url, { 'accept-encoding': 'gzip' }, support);
    expect(gzip.statusCode).toBe(200);
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(gzip.headers['content-disposition']).toMatch(/^attachment; filename="mailgate-audit-.+\.csv"$/);
    expect(gunzipSync(gzip.rawPayload).toString('utf8')).toBe(plain.body);
  });

  it('does not inflate compressed request bodies (the body limit and parser see what was sent)', async () => {
    const body = JSON.stringify({ email: 'nobody@example.test', password: 'not-the-password' });
    const send = (payload: Buffer, headers: Record<string, string> = {}) =>
      app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        headers: { 'content-type': 'application/json', 'x-requested-with': 'mailgate', ...headers },
        payload,
      });
    // The same body, readable, is a failed sign-in; gzipped, it is refused before anything reads it.
    expect((await send(Buffer.from(body))).statusCode).toBe(401);
    const gzipped = await send(gzipSync(body), { 'content-encoding': 'gzip' });
    expect(gzipped.statusCode).toBe(400);
    expect(gzipped.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});
