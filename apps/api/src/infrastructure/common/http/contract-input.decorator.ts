import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { OperationContract } from '@mailgate/contracts';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { validate } from '../validation/zod-validation.pipe.js';
import { OPERATION_METADATA } from './contract-route.decorator.js';

type InputPart = 'body' | 'params' | 'query';
type Parsed<S> = S extends z.ZodType ? z.output<S> : never;

/** What a handler receives for its operation's body, path parameters and query, as parsed. */
export type BodyOf<Op extends OperationContract> = Parsed<Op['body']>;
export type ParamsOf<Op extends OperationContract> = Parsed<Op['params']>;
export type QueryOf<Op extends OperationContract> = Parsed<Op['query']>;

/**
 * Reads one part of the request and parses it with the schema of the handler's own operation
 * (the one given to @ContractRoute), so a handler never names a schema again. An operation that
 * describes no such part is a programming error: the handler cannot take input its contract does
 * not document.
 */
function contractInput(part: InputPart, context: ExecutionContext): unknown {
  const operation = Reflect.getMetadata(OPERATION_METADATA, context.getHandler()) as OperationContract | undefined;
  const schema = operation?.[part];
  if (!schema) {
    throw new Error(`${context.getClass().name}.${context.getHandler().name}: its contract has no ${part} schema`);
  }
  const request = context.switchToHttp().getRequest<FastifyRequest>();
  return validate(schema).transform(request[part]);
}

export const ContractBody = createParamDecorator((_: unknown, context: ExecutionContext) =>
  contractInput('body', context),
);
export const ContractParams = createParamDecorator((_: unknown, context: ExecutionContext) =>
  contractInput('params', context),
);
export const ContractQuery = createParamDecorator((_: unknown, context: ExecutionContext) =>
  contractInput('query', context),
);
