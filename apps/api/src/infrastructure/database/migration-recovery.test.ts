import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations, listMigrations, MIGRATIONS_DIR } from '@mailgate/db';
import { startPrivatePostgres, type PrivatePostgres } from '../../../test/faults/private-processes.js';

const CHILD = fileURLToPath(new URL('../../../test/faults/apply-migrations.child.mjs', import.meta.url));
const PROBE = '29991231000000_fault_probe';
// Sleeps as long as the connection's `mailgate.probe_sleep` says (0 when unset): the same file,
// hence the same checksum, is slow for the process we kill and quick for the one that recovers.
const PROBE_SQL = `CREATE TABLE "fault_probe" ("id" INTEGER PRIMARY KEY);
INSERT INTO "fault_probe" VALUES (1);
SELECT pg_sleep(coalesce(nullif(current_setting('mailgate.probe_sleep', true), ''), '0')::float8);
`;

/**
 * A kill during a migration, for real: a child process applies the project's migrations plus a
 * slow one on a private PostgreSQL, and is SIGKILLed while the slow one runs.
 */
describe('migrations interrupted by a kill', () => {
  let server: PrivatePostgres;
  let migrationsDir: string;
  let counter = 0;

  beforeAll(async () => {
    server = await startPrivatePostgres();
    migrationsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mailgate-migrations-'));
    fs.cpSync(MIGRATIONS_DIR, migrationsDir, { recursive: true });
    fs.mkdirSync(path.join(migrationsDir, PROBE));
    fs.writeFileSync(path.join(migrationsDir, PROBE, 'migration.sql'), PROBE_SQL);
  });
  afterAll(async () => {
    await server?.stop();
    if (migrationsDir) fs.rmSync(migrationsDir, { recursive: true, force: true });
  });

  async function freshDatabase(): Promise<string> {
    const name = `recovery_${process.pid}_${counter++}`;
    await sql(server.serverUrl, `CREATE DATABASE ${name}`);
    return server.urlFor(name);
  }

  function startMigrating(databaseUrl: string, sleepSeconds: number): ChildProcess & { done: Promise<number> } {
    const url = new URL(databaseUrl);
    url.searchParams.set('options', `-c mailgate.probe_sleep=${sleepSeconds}`);
    const child = spawn(process.execPath, [CHILD, url.toString(), migrationsDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const done = new Promise<number>((resolve) =>
      child.once('exit', (code, signal) => resolve(code ?? (signal ? -1 : 0))),
    );
    return Object.assign(child, { done });
  }

  async function waitForProbeStarted(databaseUrl: string): Promise<void> {
    await expect
      .poll(async () => (await probeRows(databaseUrl)).length, { timeout: 30_000, interval: 100 })
      .toBeGreaterThan(0);
    await expect
      .poll(async () => (await probeBackends(databaseUrl)).length, { timeout: 10_000, interval: 50 })
      .toBeGreaterThan(0);
  }

  it('rolls back an interrupted migration whose work was lost and applies it again at the next start', async () => {
    const databaseUrl = await freshDatabase();
    const child = startMigrating(databaseUrl, 60);
    await waitForProbeStarted(databaseUrl);
    child.kill('SIGKILL');
    await child.done;
    // The server would finish the dead client's statement on its own; a database restart or a
    // dropped connection ends it instead, and its transaction with it.
    for (const pid of await probeBackends(databaseUrl)) await sql(databaseUrl, `SELECT pg_terminate_backend(${pid})`);
    await expect.poll(async () => (await probeBackends(databaseUrl)).length).toBe(0);
    expect(await probeRows(databaseUrl)).toEqual([{ finished: false, rolledBack: false }]);
    expect(await tableExists(databaseUrl)).toBe(false);

    const applied = await applyMigrations(databaseUrl, { migrationsDir });

    expect(applied).toEqual([PROBE]);
    expect(await tableExists(databaseUrl)).toBe(true);
    expect(await probeRows(databaseUrl)).toEqual([
      { finished: false, rolledBack: true },
      { finished: true, rolledBack: false },
    ]);
    expect(await applyMigrations(databaseUrl, { migrationsDir })).toEqual([]);
  });

  it('keeps a migration whose transaction committed after its process was killed', async () => {
    const databaseUrl = await freshDatabase();
    const child = startMigrating(databaseUrl, 2);
    await waitForProbeStarted(databaseUrl);
    child.kill('SIGKILL');
    await child.done;
    // The orphaned server process finishes the script and commits it, with its "finished" mark.
    await expect.poll(async () => (await probeBackends(databaseUrl)).length, { timeout: 15_000 }).toBe(0);

    expect(await applyMigrations(databaseUrl, { migrationsDir })).toEqual([]);
    expect(await tableExists(databaseUrl)).toBe(true);
    expect(await probeRows(databaseUrl)).toEqual([{ finished: true, rolledBack: false }]);
  });

  it('migrates once when two instances start together', async () => {
    const databaseUrl = await freshDatabase();
    const first = startMigrating(databaseUrl, 1);
    const second = startMigrating(databaseUrl, 1);
    const outputs = [first, second].map((child) => {
      let text = '';
      child.stdout!.on('data', (chunk: Buffer) => (text += chunk.toString()));
      child.stderr!.on('data', (chunk: Buffer) => (text += chunk.toString()));
      return () => text;
    });
    expect([await first.done, await second.done], `${outputs[0]!()}\n${outputs[1]!()}`).toEqual([0, 0]);
    const applied = outputs.map((output) => JSON.parse(output()) as string[]);
    // One of them applied everything, the other found nothing left to do.
    expect(applied.map((names) => names.length).sort((a, b) => a - b)).toEqual([
      0,
      listMigrations(migrationsDir).length,
    ]);
    const { rows } = await sql(
      databaseUrl,
      `SELECT migration_name, count(*)::int AS n FROM "_prisma_migrations" GROUP BY migration_name HAVING count(*) > 1`,
    );
    expect(rows).toEqual([]);
  });
});

async function sql(url: string, text: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}

async function probeRows(url: string): Promise<{ finished: boolean; rolledBack: boolean }[]> {
  const exists = await sql(url, `SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS present`);
  if (!exists.rows[0].present) return [];
  const { rows } = await sql(
    url,
    `SELECT finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS "rolledBack"
     FROM "_prisma_migrations" WHERE migration_name = '${PROBE}' ORDER BY started_at`,
  );
  return rows as { finished: boolean; rolledBack: boolean }[];
}

async function probeBackends(url: string): Promise<number[]> {
  const { rows } = await sql(
    url,
    `SELECT pid FROM pg_stat_activity WHERE query LIKE '%fault_probe%' AND pid <> pg_backend_pid() AND state = 'active'`,
  );
  return rows.map((row: { pid: number }) => row.pid);
}

async function tableExists(url: string): Promise<boolean> {
  const { rows } = await sql(url, `SELECT to_regclass('"fault_probe"') IS NOT NULL AS present`);
  return rows[0].present as boolean;
}
