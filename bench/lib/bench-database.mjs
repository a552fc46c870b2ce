// Throwaway PostgreSQL databases for benchmarks: on DATABASE_URL's server when set, else on an
// embedded PostgreSQL started for the run. Migrated with the project's migrations, seeded with
// COPY (never row by row), dropped at the end.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { startEmbeddedPostgres } from '../../scripts/lib/embedded-postgres.mjs';
import { applyMigrations, ROOT_DIR } from '@mailgate/db';

export async function startBenchPostgres() {
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = '/postgres';
    return { serverUrl: url.toString(), stop: async () => {} };
  }
  const dataDir = join(ROOT_DIR, '.tmp', `bench-postgres-${randomBytes(4).toString('hex')}`);
  const server = await startEmbeddedPostgres({ dataDir, ephemeral: true });
  return { serverUrl: server.serverUrl, stop: () => server.stop() };
}

export async function withClient(url, work) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function createBenchDatabase(serverUrl) {
  const name = `mailgate_bench_${randomBytes(5).toString('hex')}`;
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await applyMigrations(url.toString());
  return {
    name,
    url: url.toString(),
    drop: () => withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
  };
}

/** Streams `rows` (arrays of CSV-safe values, null for NULL) into `table (columns)` with COPY. */
export async function copyRows(client, table, columns, rows) {
  const quoted = columns.map((column) => `"${column}"`).join(', ');
  const stream = client.query(copyFrom(`COPY "${table}" (${quoted}) FROM STDIN WITH (FORMAT csv, NULL '\\N')`));
  const source = Readable.from(
    (function* () {
      let chunk = [];
      for (const row of rows) {
        chunk.push(row.map((value) => (value === null ? '\\N' : csv(String(value)))).join(','));
        if (chunk.length === 10_000) {
          yield `${chunk.join('\n')}\n`;
          chunk = [];
        }
      }
      if (chunk.length > 0) yield `${chunk.join('\n')}\n`;
    })(),
  );
  await pipeline(source, stream);
}

function csv(value) {
  return /[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
