// Throwaway PostgreSQL databases for tests, with the project's migrations applied.
//
// Server: `serverUrl` when given (tests pass inject('databaseServerUrl')), else DATABASE_URL's
// server, else one embedded PostgreSQL per process, started on first use in `.tmp/` and stopped
// when its last database is dropped.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { EmbeddedPostgres } from '../../../../scripts/lib/embedded-postgres.mjs';
import { applyMigrations, migrateDatabase, ROOT_DIR } from '@mailgate/db';
import { createRoleSplit, dropRoleSplit } from './role-split.js';

export interface TestDatabase {
  /** Connection URL of the new database: the app role's, with `roles`. */
  url: string;
  /** The owner role's URL (with `roles`), else the same as `url`. */
  ownerUrl: string;
  name: string;
  /** URL of the server it lives on, for creating further databases next to it. */
  serverUrl: string;
  /** Drops the database (closing its connections first). Idempotent. */
  drop(): Promise<void>;
}

export interface CreateTestDatabaseOptions {
  serverUrl?: string;
  /** Apply prisma/migrations (default true). */
  migrate?: boolean;
  /**
   * Production's two roles (deploy/postgres/roles.sql): `url` is the app role, `ownerUrl` the
   * owner that migrated and granted. Default false: one superuser URL.
   */
  roles?: boolean;
}

const TEST_CLUSTERS_DIR = path.join(ROOT_DIR, '.tmp');
const TEST_CLUSTER_PREFIX = 'test-postgres-';

let embeddedServer: Promise<EmbeddedPostgres> | undefined;
let embeddedDatabases = 0;

async function startEmbeddedServer(): Promise<EmbeddedPostgres> {
  // Imported only when needed: the embedded-postgres package's exit hooks force exit code 0, so a
  // run against DATABASE_URL must never load it (or a failing `vitest run` would exit 0).
  const { removeAbandonedCluster, startEmbeddedPostgres } =
    await import('../../../../scripts/lib/embedded-postgres.mjs');
  if (fs.existsSync(TEST_CLUSTERS_DIR)) {
    for (const entry of fs.readdirSync(TEST_CLUSTERS_DIR)) {
      if (entry.startsWith(TEST_CLUSTER_PREFIX)) await removeAbandonedCluster(path.join(TEST_CLUSTERS_DIR, entry));
    }
  }
  const dataDir = path.join(TEST_CLUSTERS_DIR, `${TEST_CLUSTER_PREFIX}${randomBytes(4).toString('hex')}`);
  return startEmbeddedPostgres({ dataDir, ephemeral: true });
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

async function onServer<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(options: CreateTestDatabaseOptions = {}): Promise<TestDatabase> {
  const { migrate = true, roles = false } = options;
  let serverUrl = options.serverUrl ?? process.env.DATABASE_URL;
  const embedded = !serverUrl;
  if (embedded) {
    embeddedServer ??= startEmbeddedServer();
    embeddedDatabases += 1;
    try {
      serverUrl = (await embeddedServer).serverUrl;
    } catch (error) {
      embeddedDatabases -= 1;
      embeddedServer = undefined;
      throw error;
    }
  }
  const server = serverUrl as string;

  const name = `mailgate_test_${randomBytes(6).toString('hex')}`;
  let url = withDatabase(server, name);
  let ownerUrl = url;
  let dropping: Promise<void> | undefined;
  const drop = (): Promise<void> =>
    (dropping ??= (async () => {
      try {
        // WITH (FORCE) (PostgreSQL 13+) terminates the database's remaining connections first.
        if (roles) await dropRoleSplit(server, name);
        else
          await onServer(server, (client) =>
            client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`),
          );
      } finally {
        if (embedded) await releaseEmbeddedServer();
      }
    })());

  try {
    if (roles) {
      const split = await createRoleSplit(server, name);
      url = split.appUrl;
      ownerUrl = split.ownerUrl;
      if (migrate) await migrateDatabase({ migrationUrl: ownerUrl, appUrl: url });
    } else {
      await onServer(server, (client) => client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`));
      if (migrate) await applyMigrations(url);
    }
  } catch (error) {
    await drop();
    throw error;
  }
  return { url, ownerUrl, name, serverUrl: server, drop };
}

async function releaseEmbeddedServer(): Promise<void> {
  embeddedDatabases -= 1;
  if (embeddedDatabases > 0 || !embeddedServer) return;
  const server = embeddedServer;
  embeddedServer = undefined;
  await (await server).stop();
}
