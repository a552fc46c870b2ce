import { Logger } from '@nestjs/common';
import { PROTOCOLS } from '@mailgate/contracts';
import type { PrismaService } from '../infrastructure/database/prisma.service.js';
import { hashPassword } from '../auth/password-hasher.js';

/** For local use only; documented in the README. Never used unless demo mode is on. */
export const DEFAULT_DEMO_PASSWORD = 'plum-orbit-lantern-73';

export const DEMO_ACCOUNTS = [
  { email: 'anna@example.test', displayName: 'Anna Becker', role: 'USER', locale: 'de' },
  { email: 'sam@example.test', displayName: 'Sam Support', role: 'SUPPORT', locale: 'en' },
  { email: 'ada@example.test', displayName: 'Ada Admin', role: 'ADMIN', locale: 'en' },
] as const;

/**
 * Creates the demo accounts when the database has no users yet. Staff accounts get no TOTP
 * secret: they enroll at their first sign-in like any real staff member, so no seed is printed.
 */
export async function seedDemoAccounts(prisma: PrismaService, password: string): Promise<boolean> {
  const logger = new Logger('Demo');
  if ((await prisma.user.count()) > 0) return false;
  const passwordHash = await hashPassword(password);
  await prisma.$transaction(async (tx) => {
    for (const account of DEMO_ACCOUNTS) {
      const user = await tx.user.create({ data: { ...account, passwordHash } });
      await tx.protocolAccess.createMany({
        data: PROTOCOLS.map((protocol) => ({ userId: user.id, protocol, enabled: false })),
      });
      await tx.auditEvent.create({
        data: {
          actorRole: 'SYSTEM',
          targetUserId: user.id,
          action: 'demo.account_created',
          after: { email: user.email, role: user.role },
        },
      });
    }
  });
  logger.log(`created demo accounts: ${DEMO_ACCOUNTS.map((account) => account.email).join(', ')}`);
  return true;
}
