import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/support/test-app.js';
import { PrismaService } from '../infrastructure/database/prisma.service.js';
import { PasswordPolicyService } from './password-policy.service.js';

describe('PasswordPolicyService', () => {
  let app: NestFastifyApplication;
  let prisma: PrismaService;
  let service: PasswordPolicyService;

  beforeAll(async () => {
    app = await createTestApp();
    prisma = app.get(PrismaService);
    service = app.get(PasswordPolicyService);
  });
  afterAll(() => app.close());

  it('stores the defaults as version 1 on first use and returns the highest version', async () => {
    const policy = await service.current();
    expect(await prisma.passwordPolicy.findUnique({ where: { version: 1 } })).not.toBeNull();
    const highest = await prisma.passwordPolicy.findFirstOrThrow({ orderBy: { version: 'desc' } });
    expect(policy.version).toBe(highest.version);
  });

  it('reads a newer version once the cache is invalidated (or expired)', async () => {
    const before = await service.current();
    // Same rules as before plus a random context word, so tests running in parallel are unaffected.
    const marker = `zz${randomUUID().slice(0, 8)}`;
    const version = before.version + 1 + Math.floor(Math.random() * 1000);
    await prisma.passwordPolicy.create({
      data: {
        version,
        minLength: before.minLength,
        maxLength: before.maxLength,
        minScore: before.minScore,
        blocklistEnabled: before.blocklistEnabled,
        contextWords: [...before.contextWords, marker],
      },
    });
    expect((await service.current()).version).toBe(before.version);
    service.invalidate();
    expect(await service.current()).toMatchObject({ version, contextWords: expect.arrayContaining([marker]) });
    expect((await service.current(Date.now() + 31_000)).version).toBeGreaterThanOrEqual(version);
  });
});
