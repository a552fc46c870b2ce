import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { OperationContract } from '@mailgate/contracts';
import { expect } from 'vitest';
import type { z } from 'zod';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '../../src/auth/csrf.js';
import type { SignedIn } from './builders.js';

/** A status the operation documents a response for (200, 201, 204, …). */
export type DocumentedStatus<Op extends OperationContract> = keyof Op['responses'] & number;

/** The body the contract promises for that status: the schema's output, or nothing (204). */
export type ContractBody<
  Op extends OperationContract,
  S extends DocumentedStatus<Op>,
> = Op['responses'][S] extends z.ZodType ? z.output<Op['responses'][S]> : undefined;

/** What `expectContract` needs of an injected response. */
export interface InjectedResponse {
  readonly statusCode: number;
  readonly body: string;
}

/**
 * The test's view of a successful response, read through the operation's contract: the status
 * must be the one expected (the operation's only documented one unless told), and the body must
 * parse with that status's response schema. So a response that drifts from what the contract
 * (and with it the OpenAPI document and the SPA's types) promises fails the test, not a user.
 */
export function expectContract<Op extends OperationContract, S extends DocumentedStatus<Op>>(
  operation: Op,
  response: InjectedResponse,
  status: S = onlyDocumentedStatus(operation) as S,
): ContractBody<Op, S> {
  expect(response.statusCode, response.body).toBe(status);
  const schema = (operation.responses as Partial<Record<number, z.ZodType | null>>)[status];
  if (!schema) {
    expect(response.body, `${operation.method} ${operation.path} ${status} has no body`).toBe('');
    return undefined as ContractBody<Op, S>;
  }
  const body: unknown = JSON.parse(response.body);
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new Error(
      `${operation.method.toUpperCase()} ${operation.path} answered ${status} with a body its contract does not allow:\n` +
        `${parsed.error.message}\n${response.body}`,
    );
  }
  // zod drops what a schema does not describe, so a field added to a response without its contract
  // (a leak, or a field the SPA's types do not know) would parse; name it instead.
  expect(
    undeclaredFields(body, parsed.data),
    `${operation.method.toUpperCase()} ${operation.path}: fields its contract does not describe`,
  ).toEqual([]);
  return parsed.data as ContractBody<Op, S>;
}

/** Paths of the fields a body has that its parsed form lost (the schema does not describe them). */
export function undeclaredFields(raw: unknown, parsed: unknown, path = '$'): string[] {
  if (Array.isArray(raw) && Array.isArray(parsed)) {
    return raw.flatMap((item, index) => undeclaredFields(item, parsed[index], `${path}[${index}]`));
  }
  if (!isPlainObject(raw) || !isPlainObject(parsed)) return [];
  return Object.keys(raw).flatMap((key) =>
    Object.hasOwn(parsed, key) ? undeclaredFields(raw[key], parsed[key], `${path}.${key}`) : [`${path}.${key}`],
  );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

function onlyDocumentedStatus(operation: OperationContract): number {
  const statuses = Object.keys(operation.responses).map(Number);
  if (statuses.length !== 1) {
    throw new Error(`${operation.path} documents ${statuses.join(', ')}: tell expectContract which status to expect`);
  }
  return statuses[0]!;
}

export interface OperationCall {
  /** The session to send (its cookie); none for public routes. */
  readonly as?: SignedIn | null;
  /** Values for the path's `{name}` placeholders. */
  readonly params?: Record<string, string>;
  readonly query?: Record<string, string>;
  readonly payload?: unknown;
}

/**
 * Sends the operation's request as the SPA does (its method and path, the session cookie and the
 * CSRF header) and returns the raw response, for tests of refusals and of headers.
 */
export function sendOperation(app: NestFastifyApplication, operation: OperationContract, call: OperationCall = {}) {
  const url = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = call.params?.[name];
    if (value === undefined) throw new Error(`${operation.path} needs the path parameter ${name}`);
    return encodeURIComponent(value);
  });
  return app.inject({
    method: operation.method.toUpperCase() as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url,
    headers: { [CSRF_HEADER]: CSRF_HEADER_VALUE },
    ...(call.as ? { cookies: call.as.cookies } : {}),
    ...(call.query ? { query: call.query } : {}),
    ...(call.payload !== undefined ? { payload: call.payload as object } : {}),
  });
}

/** Sends the operation's request and returns its body as the contract types it, checked as `expectContract` does. */
export async function callOperation<Op extends OperationContract, S extends DocumentedStatus<Op>>(
  app: NestFastifyApplication,
  operation: Op,
  call: OperationCall & { readonly status?: S } = {},
): Promise<ContractBody<Op, S>> {
  const response = await sendOperation(app, operation, call);
  return expectContract(operation, response, call.status);
}
