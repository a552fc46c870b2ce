import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Role } from '../../src/generated/prisma/enums.js';
import { SecretKeyring } from '../../src/infrastructure/common/crypto/secret-keyring.js';
import { PrismaService } from '../../src/infrastructure/database/prisma.service.js';
import { createUser, signedInAs, type BuiltUser, type CreateUserOptions, type SignedIn } from './builders.js';

export interface Caller {
  readonly user: BuiltUser;
  readonly auth: SignedIn;
}

/** A signed-in account of this role; staff get TOTP (as the panel requires) unless `totp: false`. */
export async function signedInUser(
  app: NestFastifyApplication,
  role: Role,
  options: { totp?: boolean; steppedUp?: boolean } & Omit<CreateUserOptions, 'role' | 'totp' | 'keyring'> = {},
): Promise<Caller> {
  const { totp = role !== 'USER', steppedUp, ...rest } = options;
  const user = await createUser(app.get(PrismaService), {
    ...rest,
    role,
    ...(totp ? { totp: true as const, keyring: app.get(SecretKeyring) } : {}),
  });
  return { user, auth: await signedInAs(app, user, steppedUp === undefined ? {} : { steppedUp }) };
}

export interface CallOptions {
  readonly payload?: unknown;
  readonly query?: Record<string, string>;
}

/** A request as the SPA makes it: session cookie plus the CSRF header. */
export function callAs(
  app: NestFastifyApplication,
  caller: Caller | null,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  options: CallOptions = {},
) {
  return app.inject({
    method,
    url,
    headers: { 'x-requested-with': 'mailgate' },
    ...(caller ? { cookies: caller.auth.cookies } : {}),
    ...(options.query ? { query: options.query } : {}),
    ...(options.payload !== undefined ? { payload: options.payload as object } : {}),
  });
}

/** The audit events about one user recorded since `since` (an id), oldest first. */
export async function auditEventsFor(app: NestFastifyApplication, userId: string, sinceId = 0n) {
  return app.get(PrismaService).auditEvent.findMany({
    where: { targetUserId: userId, id: { gt: sinceId } },
    orderBy: { id: 'asc' },
  });
}

/** The newest audit event id, to count what a request adds. */
export async function lastAuditId(app: NestFastifyApplication): Promise<bigint> {
  const last = await app.get(PrismaService).auditEvent.findFirst({ orderBy: { id: 'desc' }, select: { id: true } });
  return last?.id ?? 0n;
}
