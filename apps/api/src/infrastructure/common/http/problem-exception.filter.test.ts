import { Body, Controller, Module } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { defineOperation, zSafeText } from '@mailgate/contracts';
import { withTestApp } from '../../../../test/support/test-app.js';
import { ContractRoute } from './contract-route.decorator.js';
import { validate } from '../validation/zod-validation.pipe.js';
import { Public } from '../../../auth/auth.decorators.js';

const ZEchoRequest = z.strictObject({ name: zSafeText(20), count: z.number().int() });
const echo = defineOperation(
  { method: 'post', path: '/api/test/echo' },
  {
    tag: 'Test',
    summary: 'Echo',
    body: ZEchoRequest,
    responses: { 200: ZEchoRequest },
  },
);
const explode = defineOperation(
  { method: 'get', path: '/api/test/explode' },
  {
    tag: 'Test',
    summary: 'Fail',
    responses: { 200: null },
  },
);

@Public()
@Controller()
class ProbeController {
  @ContractRoute(echo)
  echo(@Body(validate(ZEchoRequest)) body: z.infer<typeof ZEchoRequest>) {
    return body;
  }

  @ContractRoute(explode)
  explode(): never {
    throw new Error('database password is hunter2 at /srv/secret.ts:12');
  }
}

@Module({ controllers: [ProbeController] })
class ProbeModule {}

describe('HTTP error handling', () => {
  let app: NestFastifyApplication;
  withTestApp((started) => ({ app } = started), {}, { imports: [ProbeModule] });

  const post = (payload: string | Buffer, contentType = 'application/json') =>
    app.inject({ method: 'POST', url: '/api/test/echo', headers: { 'content-type': contentType }, payload });

  it('accepts a valid body', async () => {
    const response = await post(JSON.stringify({ name: 'Anna', count: 2 }));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ name: 'Anna', count: 2 });
  });

  it.each([
    ['malformed JSON', '{"name": ', 400, 'MALFORMED_JSON'],
    ['an empty body', '', 400, 'MALFORMED_JSON'],
    ['a wrong type', JSON.stringify({ name: 'Anna', count: 'two' }), 400, 'VALIDATION_FAILED'],
    ['an unknown field', JSON.stringify({ name: 'Anna', count: 1, admin: true }), 400, 'VALIDATION_FAILED'],
    ['a NUL byte', JSON.stringify({ name: 'An\u0000na', count: 1 }), 400, 'VALIDATION_FAILED'],
    ['a lone surrogate', '{"name":"\\ud800","count":1}', 400, 'VALIDATION_FAILED'],
    ['a prototype key', '{"name":"a","count":1,"__proto__":{"x":1}}', 400, 'VALIDATION_FAILED'],
    ['an oversized value', JSON.stringify({ name: 'x'.repeat(21), count: 1 }), 400, 'VALIDATION_FAILED'],
    ['an oversized body', JSON.stringify({ name: 'x'.repeat(70_000), count: 1 }), 413, 'PAYLOAD_TOO_LARGE'],
  ])('refuses %s with a stable code', async (_label, payload, status, code) => {
    const response = await post(payload);
    expect(response.statusCode).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = response.json();
    expect(problem).toMatchObject({ status, code, type: 'about:blank' });
    expect(problem.requestId).toBe(response.headers['x-request-id']);
  });

  it('refuses invalid UTF-8 instead of rewriting it', async () => {
    const payload = Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xc3, 0x28]), Buffer.from('","count":1}')]);
    const response = await post(payload);
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('INVALID_ENCODING');
  });

  it('refuses other content types', async () => {
    const response = await post('name=Anna', 'application/x-www-form-urlencoded');
    expect(response.statusCode).toBe(415);
    expect(response.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('names the invalid fields without echoing values', async () => {
    const response = await post(JSON.stringify({ name: 'Anna', count: 'secret-value' }));
    expect(response.json().issues).toEqual([expect.objectContaining({ path: 'count' })]);
    expect(response.body).not.toContain('secret-value');
  });

  it('answers unexpected failures with INTERNAL_ERROR and no internals', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/test/explode' });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toMatchObject({ code: 'INTERNAL_ERROR', status: 500 });
    expect(response.body).not.toMatch(/hunter2|secret\.ts|at \w+ \(/);
  });

  it('answers unknown API paths with NOT_FOUND', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('NOT_FOUND');
  });

  it('keeps a sane incoming request id and replaces a hostile one', async () => {
    const kept = await app.inject({
      method: 'GET',
      url: '/api/nothing',
      headers: { 'x-request-id': 'proxy-1234abcd' },
    });
    expect(kept.json().requestId).toBe('proxy-1234abcd');
    const replaced = await app.inject({ method: 'GET', url: '/api/nothing', headers: { 'x-request-id': '<script>' } });
    expect(replaced.json().requestId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
