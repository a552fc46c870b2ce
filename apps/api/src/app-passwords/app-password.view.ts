import type { AppPasswordView, Protocol } from '@mailgate/contracts';

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

/** Never includes the hash: the list is metadata only. Expiry is judged at read time. */
export function toAppPasswordView(row: AppPasswordRow, now: Date): AppPasswordView {
  const status = row.revokedAt
    ? 'revoked'
    : row.expiresAt && row.expiresAt.getTime() <= now.getTime()
      ? 'expired'
      : 'active';
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
  };
}

const DAY_MS = 24 * 60 * 60_000;

export function expiryToDate(expiresIn: '30d' | '90d' | '365d' | 'never', now: Date): Date | null {
  if (expiresIn === 'never') return null;
  return new Date(now.getTime() + Number.parseInt(expiresIn, 10) * DAY_MS);
}
