import {
  createDocument,
  type ZodOpenApiObject,
  type ZodOpenApiOperationObject,
  type ZodOpenApiResponseObject,
} from 'zod-openapi';
import { ZProblem, PROBLEM_CONTENT_TYPE, type OperationContract } from '@mailgate/contracts';

export type OpenApiDocument = ReturnType<typeof createDocument>;

export const SESSION_COOKIE_SCHEME = 'sessionCookie';
export const SERVICE_TOKEN_SCHEME = 'mailServerToken';

const TAG_DESCRIPTIONS: Record<string, string> = {
  Health: 'Liveness and readiness for load balancers and orchestrators.',
  'Mail servers':
    'The API Dovecot and Postfix call on every IMAP, POP3 and SMTP AUTH login. Authenticated with a per-server ' +
    'service token (`Authorization: Bearer …`), never with a user session.',
};

/**
 * Builds the OpenAPI 3.1 document from the operations the API actually serves. Every operation
 * documents its error responses as problem+json with the catalogue codes it can return.
 */
export function buildOpenApiDocument(operations: readonly OperationContract[], version: string): OpenApiDocument {
  const paths: NonNullable<ZodOpenApiObject['paths']> = {};
  for (const operation of [...operations].sort((a, b) => a.path.localeCompare(b.path))) {
    paths[operation.path] = { ...paths[operation.path], [operation.method]: toOpenApiOperation(operation) };
  }
  const tags = [...new Set(operations.map((operation) => operation.tag))].sort().map((name) => ({
    name,
    ...(TAG_DESCRIPTIONS[name] ? { description: TAG_DESCRIPTIONS[name] } : {}),
  }));
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Mailgate API',
      version,
      description:
        'Account settings for POP3, IMAP and SMTP access, app passwords and 2FA, and the login decisions mail ' +
        'servers ask for. Errors are `application/problem+json` with a stable `code`.',
    },
    tags,
    paths,
    components: {
      securitySchemes: {
        [SESSION_COOKIE_SCHEME]: {
          type: 'apiKey',
          in: 'cookie',
          name: 'mailgate_session',
          description: 'Set by sign-in. State-changing requests also need the `X-Requested-With: mailgate` header.',
        },
        [SERVICE_TOKEN_SCHEME]: { type: 'http', scheme: 'bearer', description: 'A mail-server service token.' },
      },
    },
  });
}

function toOpenApiOperation(operation: OperationContract): ZodOpenApiOperationObject {
  const responses: Record<string, ZodOpenApiResponseObject> = {};
  for (const [status, schema] of Object.entries(operation.responses)) {
    responses[status] = schema
      ? { description: describeStatus(Number(status)), content: { 'application/json': { schema } } }
      : { description: describeStatus(Number(status)) };
  }
  const errorsByStatus = new Map<number, string[]>();
  for (const error of operation.errors ?? []) {
    errorsByStatus.set(error.status, [...(errorsByStatus.get(error.status) ?? []), error.code]);
  }
  for (const [status, codes] of errorsByStatus) {
    responses[String(status)] = {
      description: `Error. Possible codes: ${codes.map((code) => `\`${code}\``).join(', ')}.`,
      content: { [PROBLEM_CONTENT_TYPE]: { schema: ZProblem } },
    };
  }
  const security =
    operation.auth === 'session'
      ? [{ [SESSION_COOKIE_SCHEME]: [] }]
      : operation.auth === 'service-token'
        ? [{ [SERVICE_TOKEN_SCHEME]: [] }]
        : [];
  return {
    tags: [operation.tag],
    summary: operation.summary,
    ...(operation.description ? { description: operation.description } : {}),
    security,
    ...(operation.params || operation.query
      ? {
          requestParams: {
            ...(operation.params ? { path: operation.params } : {}),
            ...(operation.query ? { query: operation.query } : {}),
          },
        }
      : {}),
    ...(operation.body ? { requestBody: { content: { 'application/json': { schema: operation.body } } } } : {}),
    responses,
  };
}

function describeStatus(status: number): string {
  return { 200: 'OK', 201: 'Created', 204: 'No content', 503: 'Service unavailable' }[status] ?? String(status);
}
