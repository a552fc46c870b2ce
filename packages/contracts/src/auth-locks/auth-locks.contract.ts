import { z } from 'zod';

export const ZLockScope = z.enum(['USER_IP', 'IP', 'USER']);
/** Only mail so far: web sign-in has its own limits and leaves no lock rows. */
export const ZProtocolFamily = z.enum(['MAIL']);

/**
 * An active brute-force lock as support sees it: who/what is locked, for which family of
 * protocols, until when. A lock is always temporary ("deny until lockedUntil").
 */
export const ZAuthLock = z
  .object({
    id: z.uuid(),
    scope: ZLockScope,
    family: ZProtocolFamily,
    /** The client address (IPv6: its /64) for USER_IP and IP locks. */
    clientIp: z.string().nullable(),
    failures: z.number().int(),
    lockedFrom: z.iso.datetime(),
    lockedUntil: z.iso.datetime(),
  })
  .meta({ id: 'AuthLock' });
export type AuthLockView = z.infer<typeof ZAuthLock>;
