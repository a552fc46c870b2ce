// Small process helpers for the real-mail-server tests. Everything is asynchronous on purpose:
// the Mailgate API runs in this very process, so a synchronous child call would block the event
// loop and Dovecot's request to the API would never be answered.
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { canConnect } from '../../../scripts/lib/ports.mjs';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a program without a shell; never throws for a non-zero exit (tests assert on the code). */
export function run(
  file: string,
  args: readonly string[],
  options: { input?: string | Buffer; timeoutMs?: number; env?: NodeJS.ProcessEnv } = {},
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      file,
      args,
      { timeout: options.timeoutMs ?? 30_000, maxBuffer: 16 * 1024 * 1024, env: options.env ?? process.env },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') {
          reject(new Error(`${file} ${args.join(' ')} failed to run: ${error.message}\n${stderr}`));
          return;
        }
        resolve({ code: typeof error?.code === 'number' ? error.code : 0, stdout, stderr });
      },
    );
    // A program that exits without reading its input must not crash the test with EPIPE.
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(options.input ?? '');
  });
}

/** Runs a program and throws, with its output, unless it exits 0. */
export async function runOk(file: string, args: readonly string[], options?: Parameters<typeof run>[2]) {
  const result = await run(file, args, options);
  if (result.code !== 0) {
    throw new Error(`${file} ${args.join(' ')} exited ${result.code}\n${result.stdout}\n${result.stderr}`);
  }
  return result;
}

const REQUIRED_PROGRAMS = [
  ['dovecot', 'dovecot-core'],
  ['doveadm', 'dovecot-core'],
  ['postfix', 'postfix'],
  ['postconf', 'postfix'],
  ['swaks', 'swaks'],
  ['curl', 'curl'],
  ['openssl', 'openssl'],
] as const;
const REQUIRED_FILES = [
  ['/usr/lib/dovecot/modules/auth/libauthdb_lua.so', 'dovecot-auth-lua'],
  ['/usr/lib/dovecot/imap', 'dovecot-imapd'],
  ['/usr/lib/dovecot/pop3', 'dovecot-pop3d'],
] as const;

/**
 * Fails with one readable message when the machine lacks what the suite needs. The suite is
 * never skipped: a green run must mean real Dovecot and Postfix said yes and no.
 */
export async function requireMailServerPackages(): Promise<void> {
  const missing = new Set<string>();
  for (const [program, pkg] of REQUIRED_PROGRAMS) {
    const found = await run('sh', ['-c', `command -v ${program} || test -x /usr/sbin/${program}`]);
    if (found.code !== 0) missing.add(pkg);
  }
  for (const [file, pkg] of REQUIRED_FILES) {
    const found = await run('test', ['-e', file]);
    if (found.code !== 0) missing.add(pkg);
  }
  // swaks without Net::SSLeay (a "Recommends" of swaks) cannot STARTTLS: every SMTP case would
  // fail with nothing on stdout, which looked like interference from another Postfix (issue 13).
  if ((await run('perl', ['-MNet::SSLeay', '-e', '1'])).code !== 0) missing.add('libnet-ssleay-perl');
  if (missing.size > 0) {
    throw new Error(
      `The real mail-server tests need Debian packages that are not installed: ${[...missing].join(', ')}.\n` +
        'Install them with: apt-get install -y dovecot-imapd dovecot-pop3d dovecot-auth-lua postfix swaks libnet-ssleay-perl',
    );
  }
  if (process.getuid?.() !== 0) {
    throw new Error('The real mail-server tests start Dovecot and Postfix, which must run as root (as in CI).');
  }
}

/** A TCP port that was free a moment ago on 127.0.0.1. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function waitForPort(port: number, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await canConnect(port)) return;
    await sleep(100);
  }
  throw new Error(`${what} did not listen on 127.0.0.1:${port} within ${timeoutMs} ms`);
}

export async function waitFor(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${what}`);
}

function parentOf(pid: number): number | undefined {
  try {
    // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may contain spaces, so split after ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

/** Every live descendant of a process (children, their children, ...). */
export function descendantsOf(rootPid: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const parent = parentOf(pid);
    if (parent !== undefined) parents.set(pid, parent);
  }
  const found: number[] = [];
  const queue = [rootPid];
  while (queue.length > 0) {
    const current = queue.shift() as number;
    for (const [pid, parent] of parents) {
      if (parent === current) {
        found.push(pid);
        queue.push(pid);
      }
    }
  }
  return found;
}

/** True while the process runs (a zombie waiting for its parent to reap it counts as gone). */
export function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/**
 * Stops a server's master process and makes sure none of the processes it started survives. The
 * tree is collected first (orphans are re-parented and could no longer be found), then the
 * master is asked to stop (`politely`, default SIGTERM), and after a grace period whatever is
 * left of that tree gets SIGKILL, by pid.
 */
export async function stopProcessTree(
  masterPid: number,
  options: { politely?: () => Promise<unknown>; graceMs?: number } = {},
): Promise<void> {
  const tree = [masterPid, ...descendantsOf(masterPid)];
  if (options.politely) await options.politely();
  else if (isAlive(masterPid)) process.kill(masterPid, 'SIGTERM');
  const deadline = Date.now() + (options.graceMs ?? 5_000);
  while (Date.now() < deadline && tree.some(isAlive)) await sleep(50);
  for (const pid of tree) {
    if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  }
  const killDeadline = Date.now() + 2_000;
  while (Date.now() < killDeadline && tree.some(isAlive)) await sleep(50);
  if (tree.some(isAlive)) throw new Error(`processes ${tree.filter(isAlive).join(', ')} survived SIGKILL`);
}
