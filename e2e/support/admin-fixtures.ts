import { randomBytes } from 'node:crypto';
import type { PrismaService } from '../../apps/api/src/infrastructure/database/prisma.service.js';

/** A short random token to make names unique per run (parallel runs share the database server). */
export function uniqueTag(): string {
  return randomBytes(4).toString('hex');
}

/** A refused mail login, as mail-auth's recorder writes it. */
export async function insertRefusedLogin(
  prisma: PrismaService,
  input: {
    userId: string;
    loginAsTyped: string;
    protocol: 'IMAP' | 'POP3' | 'SMTP';
    reasonCode: string;
    clientIp: string;
    minutesAgo: number;
    secured?: boolean;
  },
): Promise<void> {
  await prisma.loginAttempt.create({
    data: {
      userId: input.userId,
      loginAsTyped: input.loginAsTyped,
      protocol: input.protocol,
      clientIp: input.clientIp,
      secured: input.secured ?? true,
      result: 'DENY',
      reasonCode: input.reasonCode,
      credential: 'PASSWORD',
      createdAt: new Date(Date.now() - input.minutesAgo * 60_000),
    },
  });
}

/** An active brute-force lock on (user, client IP), as mail-auth's brute-force guard creates it. */
export async function insertUserIpLock(
  prisma: PrismaService,
  input: { userId: string; clientIp: string; failures: number; startedMinutesAgo: number; endsInMinutes: number },
): Promise<string> {
  const lock = await prisma.authLock.create({
    data: {
      scope: 'USER_IP',
      family: 'MAIL',
      userId: input.userId,
      clientIp: input.clientIp,
      failures: input.failures,
      lockedFrom: new Date(Date.now() - input.startedMinutesAgo * 60_000),
      lockedUntil: new Date(Date.now() + input.endsInMinutes * 60_000),
    },
  });
  return lock.id;
}
