import { Controller, Module } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { defineOperation, zSafeText } from '@mailgate/contracts';
import { withTestApp } from '../../../../test/support/test-app.js';
import { Public } from '../../../auth/auth.decorators.js';
import {
  ContractBody,
  ContractParams,
  ContractQuery,
  type BodyOf,
  type ParamsOf,
  type QueryOf,
} from './contract-input.decorator.js';
import { ContractRoute } from './contract-route.decorator.js';

const rename = defineOperation(
  { method: 'put', path: '/api/test/items/{id}' },
  {
    tag: 'Test',
    summary: 'Rename an item',
    params: z.strictObject({ id: z.uuid() }),
    query: z.strictObject({ times: z.coerce.number().int().min(1).max(3) }),
    body: z.strictObject({ name: zSafeText(20) }),
    responses: { 200: null },
  },
);
const noBody = defineOperation(
  { method: 'post', path: '/api/test/no-body' },
  {
    tag: 'Test',
    summary: 'Takes no input',
    responses: { 200: null },
  },
);

// The handler's argument types come from the operation; an operation without a body gives none.
// @ts-expect-error a body the contract does not describe has no type but never
const _noBody: BodyOf<typeof noBody> = {};

@Public()
@Controller()
class ProbeController {
  @ContractRoute(rename)
  rename(
    @ContractParams() params: ParamsOf<typeof rename>,
    @ContractQuery() query: QueryOf<typeof rename>,
    @ContractBody() body: BodyOf<typeof rename>,
  ) {
    return { id: params.id, name: body.name.repeat(query.times) };
  }

  @ContractRoute(noBody)
  noBody(@ContractBody() body: unknown) {
    return body;
  }
}

@Module({ controllers: [ProbeController] })
class ProbeModule {}

describe('@ContractBody/@ContractParams/@ContractQuery parse with the route operation’s own schemas', () => {
  let app: NestFastifyApplication;
  withTestApp((started) => ({ app } = started), {}, { imports: [ProbeModule] });

  const id = '0b8f2c1e-5d4a-4c3b-9a2e-1f0e9d8c7b6a';
  const rename_ = (path: string, payload: unknown) =>
    app.inject({ method: 'PUT', url: path, headers: { 'x-requested-with': 'mailgate' }, payload: payload as object });

  it('hands the handler parsed values (the query number coerced)', async () => {
    const response = await rename_(`/api/test/items/${id}?times=2`, { name: 'ab' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ id, name: 'abab' });
  });

  it.each([
    ['a malformed path parameter', `/api/test/items/not-a-uuid?times=1`, { name: 'ab' }],
    ['a query out of bounds', `/api/test/items/${id}?times=9`, { name: 'ab' }],
    ['a body field the contract does not know', `/api/test/items/${id}?times=1`, { name: 'ab', admin: true }],
    ['control characters in the body', `/api/test/items/${id}?times=1`, { name: 'a\u0000b' }],
  ])('refuses %s with VALIDATION_FAILED', async (_what, path, payload) => {
    const response = await rename_(path, payload);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('fails loudly (500, no detail) when a handler asks for input its operation does not describe', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/test/no-body',
      headers: { 'x-requested-with': 'mailgate' },
      payload: { anything: 1 },
    });
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain('contract has no');
  });
});
