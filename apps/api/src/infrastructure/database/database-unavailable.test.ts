import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../../test/support/test-config.js';
import { isDatabaseUnavailable } from './database-unavailable.js';
import { PrismaService } from './prisma.service.js';

describe('isDatabaseUnavailable', () => {
  let prisma: PrismaService;
  beforeAll(() => {
    prisma = new PrismaService(testConfig());
  });
  afterAll(() => prisma.$disconnect());

  it('recognises a database that refuses connections', async () => {
    const away = new PrismaService(testConfig({ DATABASE_URL: 'postgresql://postgres@127.0.0.1:1/none' }));
    try {
      const error = await away.$queryRaw`SELECT 1`.catch((caught: unknown) => caught);
      expect(isDatabaseUnavailable(error)).toBe(true);
    } finally {
      await away.$disconnect();
    }
  });

  it('recognises a statement the server cancelled at its deadline', async () => {
    const slow = new PrismaService(testConfig({ DATABASE_QUERY_TIMEOUT_MS: '200' }));
    try {
      const error = await slow.$queryRaw`SELECT pg_sleep(5)`.catch((caught: unknown) => caught);
      expect(isDatabaseUnavailable(error)).toBe(true);
    } finally {
      await slow.$disconnect();
    }
  });

  it('leaves errors about the request itself alone (they stay what they are)', async () => {
    const email = `${randomUUID()}@example.test`;
    await prisma.user.create({ data: { email, passwordHash: 'x' } });
    const duplicate = await prisma.user
      .create({ data: { email, passwordHash: 'x' } })
      .catch((caught: unknown) => caught);
    expect(isDatabaseUnavailable(duplicate)).toBe(false);
    const syntax = await prisma.$queryRawUnsafe('SELEC 1').catch((caught: unknown) => caught);
    expect(isDatabaseUnavailable(syntax)).toBe(false);
    expect(isDatabaseUnavailable(new Error('something else'))).toBe(false);
  });
});
