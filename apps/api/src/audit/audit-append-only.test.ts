import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { createTestApp } from '../../test/support/test-app.js';
import { createUser } from '../../test/support/builders.js';
import { PrismaService } from '../infrastructure/database/prisma.service.js';
import { AuditService } from './audit.service.js';

let app: NestFastifyApplication;
let prisma: PrismaService;

// The trigger is the guard that holds even for the tables' owner (the app role is refused earlier,
// by missing privileges: test/db/app-role.test.ts). Connect as the owner to reach the trigger.
beforeAll(async () => {
  app = await createTestApp({ DATABASE_URL: inject('databaseOwnerUrl') });
  prisma = app.get(PrismaService);
});
afterAll(() => app.close());

async function recordOne(): Promise<bigint> {
  const user = await createUser(prisma);
  await prisma.$transaction((tx) =>
    app.get(AuditService).record(tx, {
      actor: { userId: null, role: 'SYSTEM' },
      targetUserId: user.id,
      action: 'test.append_only',
      after: { n: 1 },
      reason: 'original',
    }),
  );
  const event = await prisma.auditEvent.findFirstOrThrow({ where: { targetUserId: user.id } });
  return event.id;
}

describe('audit_events is append-only (database trigger)', () => {
  it('refuses UPDATE through Prisma and raw SQL', async () => {
    const id = await recordOne();
    await expect(prisma.auditEvent.update({ where: { id }, data: { reason: 'rewritten' } })).rejects.toThrow(
      /append-only/,
    );
    await expect(
      prisma.$executeRaw`UPDATE "audit_events" SET "reason" = 'rewritten' WHERE "id" = ${id}`,
    ).rejects.toThrow(/append-only/);
    expect((await prisma.auditEvent.findUniqueOrThrow({ where: { id } })).reason).toBe('original');
  });

  it('refuses DELETE and TRUNCATE', async () => {
    const id = await recordOne();
    await expect(prisma.auditEvent.delete({ where: { id } })).rejects.toThrow(/append-only/);
    await expect(prisma.$executeRaw`DELETE FROM "audit_events" WHERE "id" = ${id}`).rejects.toThrow(/append-only/);
    await expect(prisma.$executeRawUnsafe('TRUNCATE "audit_events"')).rejects.toThrow(/append-only/);
    expect(await prisma.auditEvent.count({ where: { id } })).toBe(1);
  });

  it('refuses a "retention purge" of recent events even with the purge flag set', async () => {
    const id = await recordOne();
    await expect(
      prisma.$transaction(async (tx) => {
        await tx.$executeRaw`SELECT set_config('mailgate.audit_purge', 'on', true)`;
        await tx.$executeRaw`DELETE FROM "audit_events" WHERE "id" = ${id}`;
      }),
    ).rejects.toThrow(/retention/);
    expect(await prisma.auditEvent.count({ where: { id } })).toBe(1);
  });

  it('still accepts new events (INSERT)', async () => {
    const before = await prisma.auditEvent.count();
    await recordOne();
    expect(await prisma.auditEvent.count()).toBeGreaterThan(before);
  });
});
