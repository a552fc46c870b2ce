import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client.js';
import { createTestDatabase, type TestDatabase } from '../../test/db/test-database.js';
import type { PrismaService } from '../infrastructure/database/prisma.service.js';
import { verifyPassword } from '../auth/password-hasher.js';
import { DEMO_ACCOUNTS, seedDemoAccounts } from './demo-accounts.js';

describe('demo accounts', () => {
  // The seed only runs on an empty database, so this test gets a database of its own.
  let database: TestDatabase;
  let prisma: PrismaClient;
  beforeAll(async () => {
    database = await createTestDatabase({ serverUrl: inject('databaseServerUrl') });
    prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
  });
  afterAll(async () => {
    await prisma.$disconnect();
    await database.drop();
  });

  it('creates the three demo accounts once, with protocols off and no 2FA seed', async () => {
    expect(await seedDemoAccounts(prisma as PrismaService, 'demo-password-for-tests')).toBe(true);
    const users = await prisma.user.findMany({ include: { protocolAccess: true }, orderBy: { email: 'asc' } });
    expect(users.map((user) => [user.email, user.role])).toEqual(
      [...DEMO_ACCOUNTS].sort((a, b) => a.email.localeCompare(b.email)).map((account) => [account.email, account.role]),
    );
    for (const user of users) {
      expect(user.totpSecretEncrypted).toBeNull();
      expect(user.protocolAccess.map((access) => access.enabled)).toEqual([false, false, false]);
      expect(user.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
      expect(await verifyPassword(user.passwordHash, 'demo-password-for-tests')).toBe(true);
    }
    expect(await prisma.auditEvent.count({ where: { action: 'demo.account_created' } })).toBe(3);

    // A second start leaves an existing database alone.
    expect(await seedDemoAccounts(prisma as PrismaService, 'another-password')).toBe(false);
    expect(await prisma.user.count()).toBe(3);
  });
});
