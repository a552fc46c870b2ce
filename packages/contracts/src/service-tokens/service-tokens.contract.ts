import { z } from 'zod';
import { SERVICE_TOKEN_NAME_MAX, SERVICE_TOKEN_NAME_PATTERN } from '../values.js';

/** A mail server's API token as staff and the CLI see it: metadata only, never the token. */
export const ZServiceToken = z
  .object({
    id: z.uuid(),
    name: z.string(),
    createdAt: z.iso.datetime(),
    lastUsedAt: z.iso.datetime().nullable(),
    revokedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'ServiceToken' });
export type ServiceTokenView = z.infer<typeof ZServiceToken>;

/** Lower-case letters, digits, dots and dashes: the name is typed on a command line. */
export const ZServiceTokenName = z.string().regex(SERVICE_TOKEN_NAME_PATTERN, {
  message: `Use 1-${SERVICE_TOKEN_NAME_MAX} lower-case letters, digits, dots or dashes.`,
});
