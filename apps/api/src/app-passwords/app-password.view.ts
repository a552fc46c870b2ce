import type { AppPasswordStatus, AppPasswordView, Protocol } from '@mailgate/contracts';

export interface AppPasswordRow {
  readonly id: string;
  readonly name: string;
  readonly scopes: Protocol[];
  readonly createdAt: Date;
  readonly expiresAt: Date | null;
  readonly revokedAt: Date | null;
  readonly lastUsedAt: Date | null;
  readonly lastUsedIp: string | null;
  readonly lastUsedProtocol: Protocol | null;
}

/**
 * Judged at read (or mail-login decision) time, never by a job: revoked wins over expired, so the
 * portal's list and a refused mail login name the same cause.
 */
export function appPasswordStatus(row: Pick<AppPasswordRow, 'expiresAt' | 'revokedAt'>, now: Date): AppPasswordStatus {
  if (row.revokedAt) return 'revoked';
  return row.expiresAt && row.expiresAt.getTime() <= now.getTime() ? 'expired' : 'active';
}

/** Never includes the hash: the list is metadata only. */
export function toAppPasswordView(
  row: AppPasswordRow,
  now: Date,
  lastRefusal: AppPasswordView['lastRefusal'] = null,
): AppPasswordView {
  const status = appPasswordStatus(row, now);
  return {
    id: row.id,
    name: row.name,
    scopes: row.scopes,
    status,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    lastUsedProtocol: row.lastUsedProtocol,
    lastUsedIp: row.lastUsedIp,
    lastRefusal,
  };
}

const DAY_MS = 24 * 60 * 60_000;

export function expiryToDate(expiresIn: '30d' | '90d' | '365d' | 'never', now: Date): Date | null {
  if (expiresIn === 'never') return null;
  return new Date(now.getTime() + Number.parseInt(expiresIn, 10) * DAY_MS);
}
