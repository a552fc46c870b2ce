import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PROBLEM_CONTENT_TYPE, type OperationContract } from '@mailgate/contracts';
import { createTestDatabase, type TestDatabase } from '../../../../test/db/test-database.js';
import { createTestApp } from '../../../../test/support/test-app.js';
import { signedInUser } from '../../../../test/support/admin-kit.js';
import { createCustomer } from '../../../../test/support/admin-fixtures.js';
import { mailAuthEnv, TEST_MAIL_TOKEN } from '../../../../test/support/mail-auth-client.js';
import {
  baselineFor,
  HOSTILE_VALUES,
  type BaselineIds,
  type HostileValue,
} from '../../../../test/support/hostile-input.js';
import { collectRouteTable } from '../../openapi/route-table.js';
import { ServiceTokensService } from '../../../service-tokens/service-tokens.service.js';

/**
 * Walks every operation the application serves and sends hostile values (NUL, lone surrogates,
 * numbers beyond any column, years 0 and 275760, wrong types) in each path parameter, query
 * parameter and body field in turn, the other fields valid, as a caller the guards let through
 * (an ADMIN with 2FA and a fresh step-up; the mail servers' token for their API). Whatever the
 * input, the answer is never a 5xx, and every refusal is problem+json with a code.
 *
 * It runs on a database of its own: accepted values may change global settings.
 */
let database: TestDatabase;
let app: NestFastifyApplication;
let ids: BaselineIds;

beforeAll(async () => {
  database = await createTestDatabase({ serverUrl: inject('databaseServerUrl') });
  app = await createTestApp({ ...mailAuthEnv(), DATABASE_URL: database.url });
  const customer = await createCustomer(app);
  const token = await app.get(ServiceTokensService).create({
    name: 'hostile-probe',
    actor: { userId: null, role: 'SYSTEM' },
    meta: null,
  });
  ids = {
    userId: customer.user.id,
    email: customer.user.email,
    appPasswordId: customer.appPassword.id,
    sessionId: customer.sessionId,
    lockId: customer.lock.id,
    tokenId: token.id,
  };
}, 60_000);
afterAll(async () => {
  await app?.close();
  await database?.drop();
});

type Place = 'params' | 'query' | 'body';

interface Request {
  readonly method: string;
  readonly url: string;
  readonly payload?: string;
}

function buildRequest(
  operation: OperationContract,
  baseline: Record<Place, Record<string, unknown>>,
  hostile?: { place: Place; key: string; value: HostileValue },
): Request | null {
  const replaced = (place: Place, key: string) => hostile?.place === place && hostile.key === key;
  let path = operation.path;
  for (const [key, value] of Object.entries(baseline.params)) {
    const text = replaced('params', key) ? hostile!.value.text : encodeURIComponent(String(value));
    if (text === undefined) return null;
    path = path.replace(`{${key}}`, text);
  }
  const pairs: string[] = [];
  for (const [key, value] of Object.entries(baseline.query)) {
    if (replaced('query', key)) continue;
    pairs.push(`${key}=${encodeURIComponent(String(value))}`);
  }
  if (hostile?.place === 'query') {
    if (hostile.value.text === undefined) return null;
    const pair = `${hostile.key}=${hostile.value.text}`;
    pairs.push(...(hostile.value.repeated ? [pair, pair] : [pair]));
  }
  const url = pairs.length > 0 ? `${path}?${pairs.join('&')}` : path;
  if (!operation.body) return { method: operation.method.toUpperCase(), url };
  const fields = Object.entries(baseline.body).map(([key, value]) => [key, JSON.stringify(value)]);
  if (hostile?.place === 'body') {
    const others = fields.filter(([key]) => key !== hostile.key);
    fields.splice(0, fields.length, ...others, [hostile.key, hostile.value.raw]);
  }
  const payload = `{${fields.map(([key, raw]) => `${JSON.stringify(key)}:${raw}`).join(',')}}`;
  return { method: operation.method.toUpperCase(), url, payload };
}

function shapeKeys(schema: z.ZodType | undefined): string[] {
  const shape = (schema as z.ZodObject | undefined)?.shape as Record<string, unknown> | undefined;
  return shape ? Object.keys(shape) : [];
}

/** The object shapes a body may take: itself, or each option of a union (`{ code }` or `{ recoveryCode }`). */
function bodyVariants(schema: z.ZodType | undefined): (z.ZodObject | undefined)[] {
  if (!schema) return [undefined];
  const def = (schema as unknown as { def: { type: string; options?: z.ZodType[]; in?: z.ZodType } }).def;
  if (def.type === 'union' && def.options) return def.options.flatMap(bodyVariants);
  if (def.type === 'pipe' && def.in) return bodyVariants(def.in);
  return [schema as z.ZodObject];
}

describe('hostile input on every served route', () => {
  it('never answers 5xx, and refuses with problem+json and a code', async () => {
    const routes = collectRouteTable(app).map((entry) => entry.operation);
    expect(routes.length).toBeGreaterThan(40);
    const failures: string[] = [];
    let sent = 0;
    let caller: { cookies: Record<string, string> } | null = null;
    const freshAdmin = async () => (await signedInUser(app, 'ADMIN')).auth;

    for (const [operation, body] of routes.flatMap((route) =>
      bodyVariants(route.body).map((variant) => [route, variant] as const),
    )) {
      const baseline = {
        params: baselineFor(operation.params, ids, { path: operation.path, textOnly: true }),
        query: baselineFor(operation.query, ids, { path: operation.path, textOnly: true }),
        body: baselineFor(body, ids, { path: operation.path, textOnly: false }),
      };
      const fields: [Place, string][] = [
        ...shapeKeys(operation.params).map((key): [Place, string] => ['params', key]),
        ...shapeKeys(operation.query).map((key): [Place, string] => ['query', key]),
        ...shapeKeys(body).map((key): [Place, string] => ['body', key]),
        // A field no contract names, for the operations that take none at all.
        ['query', 'unexpected'],
        ...(operation.body ? [['body', 'unexpected'] as [Place, string]] : []),
      ];
      for (const [place, key] of fields) {
        for (const value of HOSTILE_VALUES) {
          const request = buildRequest(operation, baseline, { place, key, value });
          if (!request) continue;
          sent += 1;
          const label = `${request.method} ${operation.path} ${place}.${key} = ${value.label}`;
          // An accepted request may have switched 2FA off or ended the session: the next one gets
          // a new admin, so that it still passes the guards.
          if (operation.auth === 'session') caller ??= await freshAdmin();
          const result = await check(operation, request, caller?.cookies ?? {});
          if (result.failure) failures.push(`${label}: ${result.failure}`);
          if (result.status < 400) caller = null;
        }
      }
    }
    expect(sent).toBeGreaterThan(1000);
    expect(failures).toEqual([]);
  }, 600_000);
});

const GUARD_CODES = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CSRF_CHECK_FAILED',
  'SESSION_EXPIRED',
  'STAFF_TOTP_REQUIRED',
  'STEP_UP_REQUIRED',
]);

async function check(
  operation: OperationContract,
  request: Request,
  cookies: Record<string, string>,
): Promise<{ status: number; failure: string | null }> {
  const auth =
    operation.auth === 'service-token'
      ? { headers: { authorization: `Bearer ${TEST_MAIL_TOKEN}` } }
      : operation.auth === 'session'
        ? { headers: { 'x-requested-with': 'mailgate' }, cookies }
        : { headers: { 'x-requested-with': 'mailgate' } };
  let response;
  try {
    response = await app.inject({
      method: request.method as 'GET',
      url: request.url,
      ...auth,
      headers: { ...auth.headers, ...(request.payload ? { 'content-type': 'application/json' } : {}) },
      ...(request.payload ? { payload: request.payload } : {}),
    });
  } catch (error) {
    return { status: 0, failure: `transfer failed: ${(error as Error).message}` };
  }
  const status = response.statusCode;
  const fail = (failure: string | null) => ({ status, failure });
  if (status >= 500) return fail(`${status} ${response.body.slice(0, 200)}`);
  if (status < 400) return fail(null);
  if (!String(response.headers['content-type']).startsWith(PROBLEM_CONTENT_TYPE)) {
    return fail(`${status} with content-type ${response.headers['content-type']}`);
  }
  const code = (response.json() as { code?: unknown }).code;
  if (typeof code !== 'string' || code.length === 0) return fail(`${status} without a code`);
  // A guard's refusal means validation was never reached: the walk would prove nothing.
  return fail(GUARD_CODES.has(code) ? `stopped by a guard (${code})` : null);
}
