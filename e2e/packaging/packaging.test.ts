// The production artifact as an operator gets it: `npm run package` (what the Dockerfile's build
// stage runs) into a clean folder, then the Dockerfile's CMD with NODE_ENV=production against an
// EMPTY database set up by deploy/postgres/roles.sql (owner migrates, app role serves). Proves the
// start migrates, is ready, serves the SPA and answers a mail decision. The layout holds only
// production dependencies, so a module the start needs that is declared as a devDependency (or
// not at all) fails here, not in a deployment.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import argon2 from 'argon2';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ROOT } from '../../scripts/lib/run.mjs';
import { createTestDatabase, type TestDatabase } from '../../apps/api/test/db/test-database.js';

const MAIL_TOKEN = `mgt_packaging-${randomBytes(24).toString('hex')}`;
const DOCKERFILE_CMD = /^CMD \["node", (.+)\]$/m;

let outDir: string;
let database: TestDatabase;
let server: ChildProcess | undefined;
let baseUrl: string;
let serverLog = '';

function run(command: string, args: string[], options: { cwd: string }): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${args.join(' ')} failed (${code}):\n${output.slice(-4000)}`)),
    );
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** The node arguments of the Dockerfile's CMD, so the test starts what the image starts. */
function dockerfileCommand(): string[] {
  const match = DOCKERFILE_CMD.exec(fs.readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8'));
  if (!match?.[1]) throw new Error('Dockerfile has no CMD ["node", …] line');
  return JSON.parse(`[${match[1]}]`) as string[];
}

async function waitForReady(): Promise<Response> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (server?.exitCode !== null) throw new Error(`the packaged API exited:\n${serverLog.slice(-4000)}`);
    const response = await fetch(`${baseUrl}/api/ready`).catch(() => undefined);
    if (response?.ok) return response;
    if (Date.now() > deadline) throw new Error(`not ready within 60 s:\n${serverLog.slice(-4000)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

beforeAll(async () => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mailgate-packaged-'));
  await run(process.execPath, [path.join(ROOT, 'scripts/tasks/package.mjs'), outDir], { cwd: ROOT });
  database = await createTestDatabase({ serverUrl: inject('databaseServerUrl'), roles: true, migrate: false });
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, dockerfileCommand(), {
    cwd: outDir,
    // Only what an operator sets: nothing of the test runner's environment leaks in.
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: database.url,
      DATABASE_MIGRATION_URL: database.ownerUrl,
      REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
      REDIS_KEY_PREFIX: `test:${randomUUID().slice(0, 8)}:`,
      MAILGATE_SECRET_KEY: randomBytes(32).toString('base64'),
      MAILGATE_MAIL_TOKEN: MAIL_TOKEN,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (chunk: Buffer) => (serverLog += chunk));
  server.stderr?.on('data', (chunk: Buffer) => (serverLog += chunk));
}, 900_000);

afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server?.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  await database?.drop();
  if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
});

describe('the packaged production layout', () => {
  it('holds no development dependency', () => {
    for (const devOnly of ['vitest', 'vite', 'eslint', 'unplugin-swc']) {
      expect(fs.existsSync(path.join(outDir, 'node_modules', devOnly)), devOnly).toBe(false);
    }
    expect(fs.existsSync(path.join(outDir, 'node_modules/@prisma/schema-engine-wasm'))).toBe(true);
    expect(fs.existsSync(path.join(outDir, 'apps/api/src'))).toBe(false);
  });

  it('starts on an empty database: migrates as the owner, then is ready as the app role', async () => {
    const ready = await waitForReady();
    expect(await ready.json()).toMatchObject({ status: 'ready' });
    const owner = new pg.Client({ connectionString: database.ownerUrl });
    await owner.connect();
    try {
      const { rows } = await owner.query('SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL');
      const shipped = fs.readdirSync(path.join(ROOT, 'prisma/migrations')).filter((name) => /^\d{14}_/.test(name));
      expect(rows.map((row: { migration_name: string }) => row.migration_name).sort()).toEqual(shipped.sort());
      const { rows: tables } = await owner.query(
        `SELECT DISTINCT pg_get_userbyid(relowner) AS owner FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r'`,
      );
      expect(tables).toEqual([{ owner: decodeURIComponent(new URL(database.ownerUrl).username) }]);
    } finally {
      await owner.end();
    }
  });

  it('serves the SPA', async () => {
    await waitForReady();
    const response = await fetch(`${baseUrl}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    const html = await response.text();
    expect(html).toContain('<div id="root">');
    const script = /<script[^>]+src="([^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    expect((await fetch(`${baseUrl}${script}`)).status).toBe(200);
  });

  it('answers a mail decision for a service token', async () => {
    await waitForReady();
    const email = `packaged-${randomUUID().slice(0, 8)}@example.test`;
    const password = `Packaged-${randomBytes(12).toString('hex')}`;
    const app = new pg.Client({ connectionString: database.url });
    await app.connect();
    try {
      const { rows } = await app.query(
        `INSERT INTO users (id, email, "passwordHash", "updatedAt") VALUES (gen_random_uuid(), $1, $2, now()) RETURNING id`,
        [email, await argon2.hash(password, { type: argon2.argon2id })],
      );
      await app.query(
        `INSERT INTO protocol_access ("userId", protocol, enabled, "enabledAt", "updatedAt") VALUES ($1, 'IMAP', true, now(), now())`,
        [rows[0].id],
      );
    } finally {
      await app.end();
    }
    const ask = (secret: string) =>
      fetch(`${baseUrl}/api/mail/v1/auth`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${MAIL_TOKEN}` },
        body: JSON.stringify({
          username: email,
          password: secret,
          protocol: 'imap',
          clientIp: '10.1.2.3',
          secured: true,
        }),
      });
    const allowed = await ask(password);
    expect(allowed.status).toBe(200);
    expect(await allowed.json()).toMatchObject({ decision: 'allow', user: email, credential: 'password' });
  });
});
