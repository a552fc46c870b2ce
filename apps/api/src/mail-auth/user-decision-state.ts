import type { PrismaService } from '../infrastructure/database/prisma.service.js';
import type { Protocol } from '../generated/prisma/enums.js';

export interface ProtocolSetting {
  readonly enabled: boolean;
  readonly enabledUntil: Date | null;
  readonly pop3KeepCopy: boolean;
}

export interface AppPasswordState {
  readonly id: string;
  readonly secretHash: string;
  readonly scopes: readonly Protocol[];
  readonly expiresAt: Date | null;
  readonly revokedAt: Date | null;
}

/**
 * Everything a login decision needs to know about one user, loaded with a single query and
 * kept in memory until a change to the user is announced (see DecisionStateCache).
 */
export interface UserDecisionState {
  readonly userId: string;
  readonly email: string;
  readonly passwordHash: string;
  readonly securityVersion: number;
  readonly disabled: boolean;
  readonly totpEnabled: boolean;
  /** Only the protocols the user (or support) ever set; the others follow the global defaults. */
  readonly protocols: Readonly<Partial<Record<Protocol, ProtocolSetting>>>;
  /** Active app passwords, and those revoked recently (so a refusal can say "revoked"). */
  readonly appPasswords: readonly AppPasswordState[];
}

/** Revoked app passwords are still recognised this long, for a precise refusal reason. */
const REVOKED_APP_PASSWORD_MEMORY_MS = 30 * 86_400_000;

interface StateRow {
  id: string;
  email: string;
  passwordHash: string;
  securityVersion: number;
  disabledAt: Date | null;
  totpEnabledAt: Date | null;
  protocols: { protocol: Protocol; enabled: boolean; enabledUntil: string | null; pop3KeepCopy: boolean }[];
  app_passwords: {
    id: string;
    secretHash: string;
    scopes: Protocol[];
    expiresAt: string | null;
    revokedAt: string | null;
  }[];
}

/**
 * One round trip, whether or not the user exists, so an unknown login costs the same database
 * work as a known one. Timestamps inside json_build_object come without a zone: they are UTC.
 */
export async function loadUserDecisionState(
  prisma: PrismaService,
  login: string,
  now: Date,
): Promise<UserDecisionState | null> {
  const revokedSince = new Date(now.getTime() - REVOKED_APP_PASSWORD_MEMORY_MS);
  const rows = await prisma.$queryRaw<StateRow[]>`
    SELECT u."id", u."email", u."passwordHash", u."securityVersion", u."disabledAt", u."totpEnabledAt",
      COALESCE((SELECT json_agg(json_build_object('protocol', p."protocol", 'enabled', p."enabled",
                  'enabledUntil', p."enabledUntil", 'pop3KeepCopy', p."pop3KeepCopy"))
                FROM "protocol_access" p WHERE p."userId" = u."id"), '[]'::json) AS protocols,
      COALESCE((SELECT json_agg(json_build_object('id', a."id", 'secretHash', a."secretHash", 'scopes', a."scopes",
                  'expiresAt', a."expiresAt", 'revokedAt', a."revokedAt"))
                FROM "app_passwords" a
                WHERE a."userId" = u."id" AND (a."revokedAt" IS NULL OR a."revokedAt" > ${revokedSince})),
               '[]'::json) AS app_passwords
    FROM "users" u WHERE u."email" = ${login}`;
  const row = rows[0];
  if (!row) return null;
  return {
    userId: row.id,
    email: row.email,
    passwordHash: row.passwordHash,
    securityVersion: row.securityVersion,
    disabled: row.disabledAt !== null,
    totpEnabled: row.totpEnabledAt !== null,
    protocols: Object.fromEntries(
      row.protocols.map((setting) => [
        setting.protocol,
        { enabled: setting.enabled, enabledUntil: utc(setting.enabledUntil), pop3KeepCopy: setting.pop3KeepCopy },
      ]),
    ),
    appPasswords: row.app_passwords.map((appPassword) => ({
      id: appPassword.id,
      secretHash: appPassword.secretHash,
      scopes: appPassword.scopes,
      expiresAt: utc(appPassword.expiresAt),
      revokedAt: utc(appPassword.revokedAt),
    })),
  };
}

function utc(value: string | null): Date | null {
  return value === null ? null : new Date(value.endsWith('Z') ? value : `${value}Z`);
}
