import { z } from 'zod';
import { defineOperation } from '../common/operation.js';
import { routes } from '../routes.js';
import { SessionErrors } from '../auth/session-errors.js';
import { ZServiceToken, ZServiceTokenName } from '../service-tokens/service-tokens.contract.js';
import { ServiceTokensErrors } from '../service-tokens/service-tokens.errors.js';
import { STAFF_WRITE_ERRORS, ZUuid } from './admin-common.js';

export const ZListServiceTokensResponse = z
  .object({ items: z.array(ZServiceToken) })
  .meta({ id: 'ListServiceTokensResponse' });
export type ListServiceTokensResponse = z.infer<typeof ZListServiceTokensResponse>;

export const ZCreateServiceTokenRequest = z.strictObject({
  /** A label for the mail server, e.g. `imap-1` (the same rule as `npm run mailgate -- token create`). */
  name: ZServiceTokenName,
});
export type CreateServiceTokenRequest = z.infer<typeof ZCreateServiceTokenRequest>;

export const ZCreateServiceTokenResponse = z
  .object({
    id: z.uuid(),
    name: z.string(),
    /** Shown exactly once; only a keyed hash is stored. */
    token: z.string(),
  })
  .meta({ id: 'CreateServiceTokenResponse' });
export type CreateServiceTokenResponse = z.infer<typeof ZCreateServiceTokenResponse>;

export const ZServiceTokenParams = z.strictObject({ tokenId: ZUuid });

export const adminServiceTokenOperations = {
  listServiceTokens: defineOperation(routes.adminServiceToken.listServiceTokens, {
    tag: 'Admin',
    summary: 'List mail-server service tokens with their last use (ADMIN only; never the token).',
    auth: 'session',
    responses: { 200: ZListServiceTokensResponse },
    errors: [...STAFF_WRITE_ERRORS],
  }),
  createServiceToken: defineOperation(routes.adminServiceToken.createServiceToken, {
    tag: 'Admin',
    summary: 'Create a service token for a mail server (ADMIN only, needs step-up). The token is shown once.',
    auth: 'session',
    body: ZCreateServiceTokenRequest,
    responses: { 201: ZCreateServiceTokenResponse },
    errors: [
      ...STAFF_WRITE_ERRORS,
      SessionErrors.STEP_UP_REQUIRED,
      ServiceTokensErrors.SERVICE_TOKEN_NAME_TAKEN,
      ServiceTokensErrors.SERVICE_TOKEN_NAME_INVALID,
    ],
  }),
  revokeServiceToken: defineOperation(routes.adminServiceToken.revokeServiceToken, {
    tag: 'Admin',
    summary:
      'Revoke a service token (ADMIN only); the mail server using it is refused from then on. Revoking a revoked token changes nothing.',
    auth: 'session',
    params: ZServiceTokenParams,
    responses: { 204: null },
    errors: [...STAFF_WRITE_ERRORS, ServiceTokensErrors.SERVICE_TOKEN_NOT_FOUND],
  }),
};
