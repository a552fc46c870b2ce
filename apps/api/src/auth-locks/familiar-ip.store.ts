import { Injectable, Logger } from '@nestjs/common';
import { PrismaService } from '../infrastructure/database/prisma.service.js';
import { clientIpKey } from './client-ip.js';

/** A "not familiar" answer is reused this long, so an attack from one address costs one query a minute. */
const NEGATIVE_TTL_MS = 60_000;
const MAX_NEGATIVE_ENTRIES = 100_000;
/** Web sessions looked at per user (newest first): more sign-ins than this in the window is a bot anyway. */
const MAX_SESSIONS = 50;

interface SuccessRow {
  mail_at: Date | null;
  web: { ip: string | null; at: string }[];
}

/**
 * The durable record of where a user recently logged in: mail successes in `familiar_ips`
 * (upserted by the caller at most hourly), web sign-ins as the sessions they created. Read only
 * when the fast copy in the LockStore has no mark, i.e. after Redis lost its keys or for an
 * address the user so far only used on the web.
 */
@Injectable()
export class FamiliarIpStore {
  private readonly logger = new Logger('FamiliarIps');
  private readonly notFamiliar = new Map<string, number>();

  constructor(private readonly prisma: PrismaService) {}

  /** Epoch ms of the newest success of this user from this IP key since `since`, or null. */
  async lastSuccess(userId: string, ipKey: string, since: Date, now: Date): Promise<number | null> {
    const cacheKey = `${userId}/${ipKey}`;
    const negativeUntil = this.notFamiliar.get(cacheKey);
    if (negativeUntil !== undefined && negativeUntil > now.getTime()) return null;
    const [row] = await this.prisma.$queryRaw<SuccessRow[]>`
      SELECT
        (SELECT f."lastSuccessAt" FROM "familiar_ips" f
          WHERE f."userId" = ${userId}::uuid AND f."ipKey" = ${ipKey} AND f."lastSuccessAt" > ${since}) AS mail_at,
        COALESCE((SELECT json_agg(json_build_object('ip', s."ip", 'at', s."createdAt"))
                  FROM (SELECT "ip", "createdAt" FROM "sessions"
                        WHERE "userId" = ${userId}::uuid AND "createdAt" > ${since}
                        ORDER BY "createdAt" DESC LIMIT ${MAX_SESSIONS}) s), '[]'::json) AS web`;
    const times = [row?.mail_at?.getTime() ?? null];
    for (const session of row?.web ?? []) {
      // Sessions keep the full address; the exemption is per IPv4 address or IPv6 /64.
      if (session.ip && clientIpKey(session.ip) === ipKey) times.push(utcMs(session.at));
    }
    const newest = Math.max(...times.filter((time): time is number => time !== null), -Infinity);
    if (newest === -Infinity) {
      if (this.notFamiliar.size >= MAX_NEGATIVE_ENTRIES) this.notFamiliar.clear();
      this.notFamiliar.set(cacheKey, now.getTime() + NEGATIVE_TTL_MS);
      return null;
    }
    return newest;
  }

  /** A successful mail login: remembered durably (the caller throttles to about once an hour). */
  async remember(userId: string, ipKey: string, at: Date): Promise<void> {
    this.notFamiliar.delete(`${userId}/${ipKey}`);
    await this.prisma.$executeRaw`
      INSERT INTO "familiar_ips" ("userId", "ipKey", "lastSuccessAt") VALUES (${userId}::uuid, ${ipKey}, ${at})
      ON CONFLICT ("userId", "ipKey") DO UPDATE SET "lastSuccessAt" = GREATEST("familiar_ips"."lastSuccessAt", EXCLUDED."lastSuccessAt")`.catch(
      (error: unknown) => this.logger.warn({ err: error }, 'could not remember a familiar address'),
    );
  }
}

/** json_build_object renders timestamps without a zone: they are UTC. */
function utcMs(value: string): number {
  return new Date(value.endsWith('Z') ? value : `${value}Z`).getTime();
}
