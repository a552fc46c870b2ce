import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { describe, expect, inject, it, vi } from 'vitest';
import { listMigrations, ROOT_DIR } from '@mailgate/db';
import { createTestDatabase } from '../../test/db/test-database.js';
import { withTestApp } from '../../test/support/test-app.js';
import { createUser } from '../../test/support/builders.js';
import type { PrismaService } from '../infrastructure/database/prisma.service.js';
import { GlobalSettingsService } from '../settings/global-settings.service.js';
import { aggregateKey } from './login-attempt-batch.js';
import { LoginAttemptsPruner, PARTITION_DAYS_AHEAD } from './login-attempts-pruner.js';

const DAY_MS = 86_400_000;
const partitionName = (at: Date) => `login_attempts_p${at.toISOString().slice(0, 10).replaceAll('-', '')}`;

describe('login history partitions', () => {
  let app: NestFastifyApplication;
  let prisma: PrismaService;
  withTestApp((started) => ({ app, prisma } = started));

  const partitions = async () =>
    (
      await prisma.$queryRaw<{ name: string }[]>`
        SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = 'login_attempts'::regclass`
    ).map((row) => row.name);

  it('are kept a week ahead, and expired days are dropped whole (rows waiting in the default move in first)', async () => {
    const user = await createUser(prisma, {});
    const expiredDay = new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS - 40 * DAY_MS);
    const keptDay = new Date(expiredDay.getTime() + 30 * DAY_MS);
    // No partition for those days yet: the rows wait in the default partition.
    for (const day of [expiredDay, keptDay]) {
      await prisma.loginAttempt.create({
        data: { userId: user.id, loginAsTyped: 'x', result: 'DENY', reasonCode: 'PASSWORD_WRONG', createdAt: day },
      });
      await prisma.$queryRaw`SELECT login_attempts_ensure_partition(${day.toISOString().slice(0, 10)}::date)`;
    }
    const placed = await prisma.$queryRaw<{ partition: string }[]>`
      SELECT tableoid::regclass::text AS partition FROM login_attempts WHERE "userId" = ${user.id}::uuid
      ORDER BY "createdAt"`;
    expect(placed.map((row) => row.partition)).toEqual([partitionName(expiredDay), partitionName(keptDay)]);

    const settings = app.get(GlobalSettingsService);
    vi.spyOn(settings, 'get').mockResolvedValue({ ...(await settings.get()), loginAttemptRetentionDays: 30 });
    try {
      expect(await app.get(LoginAttemptsPruner).prune()).toMatchObject({ ran: true });
    } finally {
      vi.restoreAllMocks();
    }
    const names = await partitions();
    expect(names).not.toContain(partitionName(expiredDay));
    expect(names).toContain(partitionName(keptDay));
    for (let day = 0; day <= PARTITION_DAYS_AHEAD; day += 1) {
      expect(names).toContain(partitionName(new Date(Date.now() + day * DAY_MS)));
    }
    const left = await prisma.loginAttempt.findMany({ where: { userId: user.id } });
    expect(left.map((row) => row.createdAt)).toEqual([keptDay]);
  });

  it('are what the migration carries existing history into: refusals as rows, successes per device and hour', async () => {
    const database = await createTestDatabase({ serverUrl: inject('databaseServerUrl'), migrate: false });
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const migrations = listMigrations();
      const target = migrations.findIndex((name) => name.endsWith('_login_history_partitions'));
      const sqlOf = (name: string) =>
        fs.readFileSync(path.join(ROOT_DIR, 'prisma/migrations', name, 'migration.sql'), 'utf8');
      for (const name of migrations.slice(0, target)) await client.query(sqlOf(name));
      await client.query(`INSERT INTO users (id, email, "passwordHash", "updatedAt")
        VALUES ('00000000-0000-4000-8000-000000000001', 'carried@example.test', 'x', now())`);
      // Two hours of a phone logging in every 5 minutes, one refusal in between, three days ago.
      await client.query(`
        INSERT INTO login_attempts ("userId", "loginAsTyped", protocol, "clientIp", secured, result, "reasonCode", credential, "createdAt")
        SELECT '00000000-0000-4000-8000-000000000001', 'carried@example.test', 'IMAP', '192.0.2.7', true, 'ALLOW', 'OK', 'PASSWORD',
               date_trunc('hour', now() - interval '3 days') + g * interval '5 minutes'
        FROM generate_series(0, 23) g`);
      await client.query(`
        INSERT INTO login_attempts ("userId", "loginAsTyped", protocol, "clientIp", secured, result, "reasonCode", credential, "createdAt")
        SELECT '00000000-0000-4000-8000-000000000001', 'carried@example.test', 'IMAP', '198.51.100.1', true, 'DENY',
               'PASSWORD_WRONG', 'PASSWORD', date_trunc('hour', now() - interval '3 days') + interval '7 minutes'`);
      await client.query(sqlOf(migrations[target]!));
      const { rows } = await client.query<{
        result: string;
        count: number;
        partition: string;
        span: string;
        key: string;
      }>(`
        SELECT result::text, count, "aggregateKey" AS key, tableoid::regclass::text AS partition, ("lastAt" - "firstAt")::text AS span
        FROM login_attempts ORDER BY result, "createdAt"`);
      // The key the recorder computes for that phone's next login: the carried-over hour keeps counting.
      const phoneKey = aggregateKey({
        userId: '00000000-0000-4000-8000-000000000001',
        loginAsTyped: 'carried@example.test',
        protocol: 'IMAP',
        clientIp: '192.0.2.7',
        secured: true,
        result: 'ALLOW',
        reasonCode: 'OK',
        credential: 'PASSWORD',
        appPasswordId: null,
        serviceTokenId: null,
        createdAt: new Date(),
      });
      const day = partitionName(new Date(Date.now() - 3 * DAY_MS));
      expect(rows).toEqual([
        {
          result: 'ALLOW',
          count: 12,
          partition: expect.stringMatching(/^login_attempts_p/),
          span: '00:55:00',
          key: phoneKey,
        },
        {
          result: 'ALLOW',
          count: 12,
          partition: expect.stringMatching(/^login_attempts_p/),
          span: '00:55:00',
          key: phoneKey,
        },
        { result: 'DENY', count: 1, partition: expect.stringMatching(/^login_attempts_p/), span: null, key: null },
      ]);
      expect(rows.some((row) => row.partition === day)).toBe(true);
    } finally {
      await client.end();
      await database.drop();
    }
  });
});
