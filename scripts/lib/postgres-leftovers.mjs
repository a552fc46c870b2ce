// What a crashed run leaves in a PostgreSQL data directory: a postmaster.pid whose process is
// gone (PostgreSQL refuses to start if that PID now belongs to another process), or a server still
// running because the Node process that started it was killed. Used by embedded-postgres.mjs.
import fs from 'node:fs';
import path from 'node:path';

const STOP_TIMEOUT_MS = 15_000;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

// Linux only (/proc); elsewhere a live PID in postmaster.pid is trusted to be that postmaster.
function describeProcess(pid) {
  try {
    const args = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const parentPid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    return { args, parentPid };
  } catch {
    return null;
  }
}

async function waitForExit(pid, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) return false;
    await sleep(100);
  }
  return true;
}

// Removes a stale postmaster.pid and shuts down an orphaned server; throws if a server whose
// owner is alive runs on `dataDir`. postmaster.pid: line 1 the postmaster's PID, line 4 its port.
export async function clearLeftoversOfCrashes(dataDir) {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const [pidLine, , , portLine] = fs.readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(pidLine);
  const running = Number.isInteger(pid) && pid > 0 && isAlive(pid);
  const proc = running ? describeProcess(pid) : null;
  const isOurPostmaster = running && (proc === null || proc.args.includes(dataDir));
  if (!isOurPostmaster) {
    fs.rmSync(pidFile, { force: true }); // stale: that process is gone (or the PID was reused)
    return;
  }
  const orphaned = proc !== null && (proc.parentPid === 1 || !isAlive(proc.parentPid));
  if (!orphaned) {
    throw new Error(
      `PostgreSQL is already running on ${dataDir} (PID ${pid}, port ${portLine}); ` +
        'stop that process first, or use another data directory',
    );
  }
  console.error(`[embedded-postgres] shutting down PostgreSQL PID ${pid} left running by a crashed process`);
  process.kill(pid, 'SIGINT'); // fast shutdown
  if (!(await waitForExit(pid, STOP_TIMEOUT_MS))) throw new Error(`PostgreSQL PID ${pid} on ${dataDir} did not stop`);
}

/**
 * Deletes a throwaway cluster directory whose run crashed (shutting down its orphaned server, if
 * any), so test clusters do not pile up. Leaves alone a cluster whose server's owner is alive, and
 * one younger than `minAgeMs` without a server (it may be initialising). Returns true if deleted.
 */
export async function removeAbandonedCluster(dataDir, { minAgeMs = 10 * 60_000 } = {}) {
  dataDir = path.resolve(dataDir);
  if (!fs.existsSync(dataDir)) return false;
  const hadServer = fs.existsSync(path.join(dataDir, 'postmaster.pid'));
  try {
    await clearLeftoversOfCrashes(dataDir);
  } catch {
    return false; // still in use
  }
  if (!hadServer && Date.now() - fs.statSync(dataDir).mtimeMs < minAgeMs) return false;
  fs.rmSync(dataDir, { recursive: true, force: true });
  return true;
}
