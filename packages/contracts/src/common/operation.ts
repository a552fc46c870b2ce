import type { z } from 'zod';
import type { ErrorCodeDefinition } from './error-codes.js';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/**
 * One HTTP operation, described once: the API validates with these schemas and the OpenAPI
 * document is generated from them, so documentation cannot drift from behaviour.
 */
export interface OperationContract {
  readonly method: HttpMethod;
  /** OpenAPI-style path, e.g. `/api/app-passwords/{id}`. */
  readonly path: string;
  readonly tag: string;
  readonly summary: string;
  readonly description?: string;
  /** Which credential the operation takes; drives the OpenAPI security section. */
  readonly auth?: 'none' | 'session' | 'service-token';
  readonly body?: z.ZodType;
  readonly query?: z.ZodObject;
  readonly params?: z.ZodObject;
  readonly responses: Readonly<Partial<Record<200 | 201 | 204 | 503, z.ZodType | null>>>;
  readonly errors?: readonly (ErrorCodeDefinition & { code: string })[];
}

export function defineOperation<const T extends OperationContract>(operation: T): T {
  return operation;
}
