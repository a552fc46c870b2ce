import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp } from '../../test/support/test-app.js';
import { createUser } from '../../test/support/builders.js';
import { AccountEventsService, type AccountChange } from '../account-events/account-events.service.js';
import { Clock } from '../infrastructure/common/clock/clock.js';
import { PrismaService } from '../infrastructure/database/prisma.service.js';
import { ProtocolAccessService } from './protocol-access.service.js';
import { ProtocolExpiryJob } from './protocol-expiry.job.js';

describe('protocol expiry job', () => {
  // Two API instances on one database, as in a deployment with several. Test apps do not schedule
  // the job (PROTOCOL_EXPIRY_INTERVAL_MS=0 in testConfig): every round below is one the test starts.
  let first: NestFastifyApplication;
  let second: NestFastifyApplication;
  let prisma: PrismaService;
  const published: AccountChange[] = [];

  beforeAll(async () => {
    [first, second] = await Promise.all([createTestApp(), createTestApp()]);
    prisma = first.get(PrismaService);
    for (const app of [first, second]) app.get(AccountEventsService).subscribe((change) => void published.push(change));
  });
  afterAll(async () => {
    await Promise.all([first?.close(), second?.close()]);
  });

  const records = async (userId: string) => {
    const [audits, notices, rows, user] = await Promise.all([
      prisma.auditEvent.findMany({ where: { targetUserId: userId, action: 'protocol_access.expired' } }),
      prisma.securityNotice.findMany({ where: { userId, kind: 'PROTOCOL_ACCESS_EXPIRED' } }),
      prisma.protocolAccess.findMany({ where: { userId }, orderBy: { protocol: 'asc' } }),
      prisma.user.findUniqueOrThrow({ where: { id: userId } }),
    ]);
    return { audits, notices, rows, securityVersion: user.securityVersion };
  };

  it('handles each expiry exactly once when two instances run at the same moment', async () => {
    const past = new Date(Date.now() - 1_000);
    const expired = await Promise.all(
      Array.from({ length: 12 }, () => createUser(prisma, { imap: { enabled: true, enabledUntil: past }, smtp: true })),
    );
    const notYet = await createUser(prisma, {
      imap: { enabled: true, enabledUntil: new Date(Date.now() + 3_600_000) },
    });

    const [a, b] = await Promise.all([first.get(ProtocolExpiryJob).runOnce(), second.get(ProtocolExpiryJob).runOnce()]);
    // Other test files of this run may have expired rows of their own in the same database.
    expect(a + b).toBeGreaterThanOrEqual(expired.length);
    await Promise.all([first.get(ProtocolExpiryJob).runOnce(), second.get(ProtocolExpiryJob).runOnce()]);

    for (const user of expired) {
      const after = await records(user.id);
      expect(after.audits).toHaveLength(1);
      expect(after.audits[0]).toMatchObject({ actorId: null, actorRole: 'SYSTEM', after: { protocol: 'IMAP' } });
      expect(after.notices).toHaveLength(1);
      expect(after.notices[0]).toMatchObject({
        byStaff: false,
        params: { protocol: 'IMAP', enabledUntil: past.toISOString() },
      });
      expect(after.securityVersion).toBe(user.securityVersion + 1);
      expect(after.rows.find((row) => row.protocol === 'IMAP')?.expiryHandledAt).not.toBeNull();
      // Only the protocol that ran out is closed: SMTP stays as it was.
      expect(published.filter((change) => change.userId === user.id)).toEqual([
        { userId: user.id, kind: 'protocol-access', securityVersion: user.securityVersion + 1, endsAccess: ['IMAP'] },
      ]);
    }
    expect(await records(notYet.id)).toMatchObject({
      audits: [],
      notices: [],
      securityVersion: notYet.securityVersion,
    });
  });

  it('handles a new limit again once it ends, after the user turned access on once more', async () => {
    const user = await createUser(prisma, { pop3: { enabled: true, enabledUntil: new Date(Date.now() - 1_000) } });
    const job = first.get(ProtocolExpiryJob);
    await job.runOnce();
    const until = new Date(Date.now() + 60_000);
    await first.get(ProtocolAccessService).setAccess({
      actor: { userId: user.id, role: 'USER' },
      userId: user.id,
      protocol: 'POP3',
      enabled: true,
      enabledUntil: until,
      meta: null,
    });
    expect((await records(user.id)).rows[0]?.expiryHandledAt).toBeNull();

    await job.runOnce();
    expect(await records(user.id)).toMatchObject({ audits: [{}], notices: [{}] });
    vi.spyOn(first.get(Clock), 'now').mockReturnValue(new Date(until.getTime() + 1));
    try {
      expect(await job.runOnce()).toBeGreaterThanOrEqual(1);
    } finally {
      vi.restoreAllMocks();
    }
    const after = await records(user.id);
    expect(after.audits).toHaveLength(2);
    expect(after.notices).toHaveLength(2);
  });

  it('leaves access that was turned off, or never limited, alone', async () => {
    const user = await createUser(prisma, { imap: true, pop3: false });
    await prisma.protocolAccess.update({
      where: { userId_protocol: { userId: user.id, protocol: 'POP3' } },
      data: { enabledUntil: new Date(Date.now() - 1_000) },
    });
    await first.get(ProtocolExpiryJob).runOnce();
    expect(await records(user.id)).toMatchObject({ audits: [], notices: [], securityVersion: user.securityVersion });
  });
});
