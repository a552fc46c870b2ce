import type { z } from 'zod';
import type { ApiRoute, PathParamNames } from '../routes.js';
import type { ErrorCodeDefinition } from './error-codes.js';

/**
 * One HTTP operation, described once: the API validates with these schemas and the OpenAPI
 * document is generated from them, so documentation cannot drift from behaviour.
 */
export interface OperationContract extends ApiRoute {
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

/** Everything of an operation but its route, which comes from the routes table. */
export type OperationSpec = Omit<OperationContract, 'method' | 'path'>;

type ParamsSchemaNames<S> = S extends { params: z.ZodObject<infer Shape> } ? keyof Shape & string : never;

/**
 * The params schema must name exactly the path's placeholders: a missing or extra one is a compile
 * error (the unsatisfiable property below names the placeholders the path has).
 */
type ParamsMatchPath<P extends string, S> = [PathParamNames<P>] extends [ParamsSchemaNames<S>]
  ? [ParamsSchemaNames<S>] extends [PathParamNames<P>]
    ? unknown
    : { paramsMustNameThePathPlaceholders: PathParamNames<P> }
  : { paramsMustNameThePathPlaceholders: PathParamNames<P> };

/** An operation on one route of the routes table (`routes.<group>.<name>`). */
export function defineOperation<const R extends ApiRoute, const S extends OperationSpec>(
  route: R,
  spec: S & ParamsMatchPath<R['path'], S>,
): R & S {
  return { ...spec, ...route };
}
