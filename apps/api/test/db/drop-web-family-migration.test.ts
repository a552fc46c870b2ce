import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { applyMigrations, listMigrations, MIGRATION_LOCK_FILE, MIGRATIONS_DIR } from '@mailgate/db';
import { createTestDatabase, type TestDatabase } from './test-database.js';

const MIGRATION = listMigrations().find((name) => name.endsWith('_drop_web_protocol_family'))!;

/** A copy of prisma/migrations holding only what came before MIGRATION: a database as it was. */
function migrationsBefore(dir: string): string {
  fs.copyFileSync(path.join(MIGRATIONS_DIR, MIGRATION_LOCK_FILE), path.join(dir, MIGRATION_LOCK_FILE));
  for (const name of listMigrations().filter((candidate) => candidate < MIGRATION)) {
    fs.cpSync(path.join(MIGRATIONS_DIR, name), path.join(dir, name), { recursive: true });
  }
  return dir;
}

describe('dropping ProtocolFamily WEB on a database with data', () => {
  let database: TestDatabase;
  let client: pg.Client;
  let olderMigrations: string;

  beforeAll(async () => {
    olderMigrations = migrationsBefore(fs.mkdtempSync(path.join(os.tmpdir(), 'mailgate-migrations-')));
    database = await createTestDatabase({ serverUrl: inject('databaseServerUrl'), migrate: false });
    await applyMigrations(database.url, { migrationsDir: olderMigrations });
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
    await database?.drop();
    fs.rmSync(olderMigrations, { recursive: true, force: true });
  });

  const familyValues = async () =>
    (await client.query<{ values: string }>(`SELECT enum_range(NULL::"ProtocolFamily")::text AS values`)).rows[0]!
      .values;
  const addLock = (family: string) =>
    client.query(
      `INSERT INTO auth_locks (id, scope, family, "clientIp", failures, "lockedUntil")
       VALUES (gen_random_uuid(), 'IP', $1, '198.51.100.7', 12, now() + interval '1 hour') RETURNING id`,
      [family],
    );

  it('refuses with a clear message while a row uses WEB, changing nothing; then keeps the MAIL rows', async () => {
    expect(await familyValues()).toBe('{MAIL,WEB}');
    const mail = (await addLock('MAIL')).rows[0].id as string;
    await addLock('WEB');

    await expect(applyMigrations(database.url)).rejects.toThrow(/auth_locks has 1 row\(s\) with family WEB/);
    expect(await familyValues()).toBe('{MAIL,WEB}');

    await client.query(`DELETE FROM auth_locks WHERE family = 'WEB'`);
    expect(await applyMigrations(database.url)).toEqual([MIGRATION, ...listMigrations().filter((n) => n > MIGRATION)]);
    expect(await familyValues()).toBe('{MAIL}');
    const { rows } = await client.query(`SELECT id, family::text FROM auth_locks`);
    expect(rows).toEqual([{ id: mail, family: 'MAIL' }]);
    // The default survived the change of type.
    await client.query(
      `INSERT INTO auth_locks (id, scope, failures, "lockedUntil") VALUES (gen_random_uuid(), 'USER', 3, now())`,
    );
    expect((await client.query(`SELECT count(*)::int AS n FROM auth_locks WHERE family = 'MAIL'`)).rows[0].n).toBe(2);
  });
});
