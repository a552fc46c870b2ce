import { Injectable } from '@nestjs/common';
import { PrismaService } from '../infrastructure/database/prisma.service.js';
import type { LoginAttempt } from '../generated/prisma/client.js';
import type { LoginAttemptView } from './login-attempts.types.js';

export type { LoginAttemptView };

const MAX_LIMIT = 500;

/** Reads the login attempts mail-auth records (portal activity page, support diagnosis). */
@Injectable()
export class LoginAttemptsService {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * The user's most recent attempts, newest first. An hourly aggregate counts as of its last
   * login (lastAt), which can be up to an hour after its createdAt (the hour's start), so the
   * index on (userId, createdAt) finds the limit-th row first and then reads one hour more.
   */
  async recent(userId: string, limit: number): Promise<LoginAttemptView[]> {
    const take = Math.max(1, Math.min(Math.trunc(limit), MAX_LIMIT));
    const rows = await this.prisma.$queryRaw<LoginAttempt[]>`
      SELECT * FROM "login_attempts"
      WHERE "userId" = ${userId}::uuid AND "createdAt" >= COALESCE(
        (SELECT "createdAt" FROM "login_attempts" WHERE "userId" = ${userId}::uuid
         ORDER BY "createdAt" DESC OFFSET ${take - 1} LIMIT 1) - interval '1 hour',
        '-infinity')
      ORDER BY COALESCE("lastAt", "createdAt") DESC, "id" DESC
      LIMIT ${take}`;
    const appPasswordIds = [...new Set(rows.map((row) => row.appPasswordId).filter((id): id is string => id !== null))];
    const names = new Map(
      appPasswordIds.length === 0
        ? []
        : (
            await this.prisma.appPassword.findMany({
              where: { id: { in: appPasswordIds }, userId },
              select: { id: true, name: true },
            })
          ).map((appPassword) => [appPassword.id, appPassword.name] as const),
    );
    return rows.map((row) => ({
      id: row.id.toString(),
      time: (row.lastAt ?? row.createdAt).toISOString(),
      count: row.count,
      firstTime: (row.firstAt ?? row.createdAt).toISOString(),
      loginAsTyped: row.loginAsTyped,
      protocol: row.protocol,
      clientIp: row.clientIp,
      secured: row.secured,
      result: row.result,
      reasonCode: row.reasonCode,
      credential: row.credential,
      appPasswordId: row.appPasswordId,
      appPasswordName: row.appPasswordId ? (names.get(row.appPasswordId) ?? null) : null,
    }));
  }
}
